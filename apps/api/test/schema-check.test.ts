import { createTestDatabase, type TestDatabase, testRedisPrefix } from '@barometer/db';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadApiConfig } from '../src/config.ts';
import { startApiServer } from '../src/server.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('schema_behind', { migrate: false });
});

afterAll(async () => {
  await database?.drop();
});

test('the API refuses to start on a database whose schema is behind, saying to migrate', async () => {
  const config = loadApiConfig({
    DATABASE_URL: database.url,
    REDIS_PREFIX: testRedisPrefix('schema'),
    PORT: '0',
    LOG_LEVEL: 'silent',
  });
  await expect(startApiServer(config)).rejects.toThrow(
    /database schema is behind \(0 of \d+ migrations applied\): run `npx barometer migrate`/,
  );
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
