import { createTestDatabase, type TestDatabase, testRedisPrefix } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadWorkerConfig } from '../src/config.ts';
import { startWorker } from '../src/main.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('worker_refused', { migrate: false });
});

afterAll(async () => {
  await database?.drop();
});

const APP_NAME = 'barometer_worker_refused';

const config = (extra: Record<string, string> = {}) =>
  loadWorkerConfig({
    DATABASE_URL: `${database.url}?application_name=${APP_NAME}`,
    REDIS_PREFIX: testRedisPrefix('worker_refused'),
    LOG_LEVEL: 'silent',
    ...extra,
  });

/** Counts the worker's own connections: it names them, apart from the test's. */
async function workerConnections(): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    'select count(*)::int as n from pg_stat_activity where application_name = $1',
    [APP_NAME],
  );
  return rows[0]?.n ?? 0;
}

test('a worker refused for a schema that is behind leaves no database connection open', async () => {
  await expect(startWorker(config())).rejects.toThrow(/database schema is behind/);
  await vi.waitFor(async () => expect(await workerConnections()).toBe(0), { timeout: 3000 });
});

test('unknown WORKER_QUEUES are refused by name before anything is opened', async () => {
  await expect(startWorker(config({ WORKER_QUEUES: 'ingest,nope' }))).rejects.toThrow(
    'WORKER_QUEUES names unknown queues: nope',
  );
  await vi.waitFor(async () => expect(await workerConnections()).toBe(0), { timeout: 3000 });
});
