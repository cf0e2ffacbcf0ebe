import { INGEST_BATCH_SIZE } from '@barometer/core';
import { createSource } from '@barometer/db';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type RunningWorker, startWorker } from '../src/main.ts';
import { enqueueMany } from '../src/queues.ts';
import { createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { makeMentions, queueState, tallyMentions } from './reliability/fixtures.ts';
import { type ChildHandle, spawnTsx } from './reliability/processes.ts';

const BATCHES = 40;
const EXPECTED = BATCHES * INGEST_BATCH_SIZE;

let env: WorkerTestEnv;
let worker: ChildHandle | undefined;
let successor: RunningWorker | undefined;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_sigterm');
});

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await successor?.close();
  await env?.cleanup();
});

async function eventCount(event: string): Promise<number> {
  const entries = await env.deps.redis.xrange(`${env.config.REDIS_PREFIX}:ingest:events`, '-', '+');
  return entries.filter(([, fields]) => fields[1] === event).length;
}

test('a worker stopped with SIGTERM mid-batch finishes its active jobs and exits cleanly', async () => {
  const source = await createSource(env.database.db, {
    kind: 'rss',
    name: 'Busy feed',
    url: 'https://news.example/busy.rss',
    isQueryFeed: true,
    pollIntervalSeconds: 3600,
    enabled: true,
  });
  // The real entry point, with its own signal handling.
  worker = spawnTsx('apps/worker/src/main.ts', {
    DATABASE_URL: env.config.DATABASE_URL,
    REDIS_PREFIX: env.config.REDIS_PREFIX,
    WORKER_QUEUES: 'ingest',
    LOG_LEVEL: 'info',
  });
  const exit = new Promise<number | null>((r) => worker!.child.once('exit', (code) => r(code)));
  await vi.waitFor(
    () => {
      if (!worker!.output().includes('worker started')) throw new Error(worker!.output());
    },
    { timeout: 30_000, interval: 50 },
  );
  await enqueueMany(
    env.deps.queues,
    'mentions.ingest',
    Array.from({ length: BATCHES }, (_, b) => ({
      payload: { sourceId: source.id, mentions: makeMentions(`t${b}`, INGEST_BATCH_SIZE) },
    })),
  );
  await vi.waitFor(
    async () => {
      const { rows } = await tallyMentions(env.database.pool);
      const { active = 0 } = await env.deps.queues.ingest.getJobCounts('active');
      if (rows === 0 || active === 0) throw new Error(`rows ${rows}, active ${active}`);
    },
    { timeout: 30_000, interval: 5 },
  );

  worker.child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(worker.output()).toContain('worker stopped');
  // Nothing was left in the active list for another worker to detect as stalled.
  const afterExit = await env.deps.queues.ingest.getJobCounts('active', 'failed');
  expect(afterExit).toEqual({ active: 0, failed: 0 });
  expect((await tallyMentions(env.database.pool)).rows).toBeLessThan(EXPECTED);

  successor = await startWorker(
    { ...env.config, WORKER_QUEUES: 'ingest' },
    { lockDurationMs: 2000, stalledIntervalMs: 1000 },
  );
  await vi.waitFor(
    async () => {
      expect(await tallyMentions(env.database.pool)).toEqual({
        rows: EXPECTED,
        distinct: EXPECTED,
      });
      expect(await queueState(env.deps.queues.ingest)).toEqual({ pending: 0, failed: 0 });
    },
    { timeout: 40_000, interval: 200 },
  );
  expect(await eventCount('stalled')).toBe(0);
}, 90_000);
