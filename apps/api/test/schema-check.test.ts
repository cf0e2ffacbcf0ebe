import { createServer, type Server } from 'node:net';
import { createTestDatabase, type TestDatabase, testRedisPrefix } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadApiConfig } from '../src/config.ts';
import { startApiServer } from '../src/server.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('schema_behind', { migrate: false });
});

afterAll(async () => {
  await database?.drop();
});

/** The API under test names its connections, so they can be counted apart from the test's own. */
const APP_NAME = 'barometer_api_refused';
const asApi = (url: string) => `${url}?application_name=${APP_NAME}`;

async function apiConnections(): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    'select count(*)::int as n from pg_stat_activity where application_name = $1',
    [APP_NAME],
  );
  return rows[0]?.n ?? 0;
}

test('the API refuses to start on a database whose schema is behind, saying to migrate', async () => {
  const config = loadApiConfig({
    DATABASE_URL: asApi(database.url),
    REDIS_PREFIX: testRedisPrefix('schema'),
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  await expect(startApiServer(config)).rejects.toThrow(
    /database schema is behind \(0 of \d+ migrations applied\): run `npx barometer migrate`/,
  );
  // Refused, it leaves no connection open behind it.
  await vi.waitFor(async () => expect(await apiConnections()).toBe(0), { timeout: 3000 });
});

test('an API that cannot listen closes what it opened', async () => {
  const migrated = await createTestDatabase('listen_refused');
  const taken: Server = createServer();
  await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
  const address = taken.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const config = loadApiConfig({
      DATABASE_URL: asApi(migrated.url),
      REDIS_PREFIX: testRedisPrefix('listen'),
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'silent',
    });
    await expect(startApiServer(config)).rejects.toThrow(/EADDRINUSE/);
    await vi.waitFor(async () => expect(await apiConnections()).toBe(0), { timeout: 3000 });
  } finally {
    await new Promise((r) => taken.close(r));
    await migrated.drop();
  }
});

test('the API config lists every invalid variable at once', () => {
  let message = '';
  try {
    loadApiConfig({ PORT: 'eighty', DATABASE_URL: 'nope', LOG_LEVEL: 'loud' });
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(name);
});
