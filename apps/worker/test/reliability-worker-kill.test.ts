import { INGEST_BATCH_SIZE } from '@barometer/core';
import { createSource } from '@barometer/db';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type RunningWorker, startWorker } from '../src/main.ts';
import { enqueueMany } from '../src/queues.ts';
import { createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { makeMentions, queueState, tallyMentions } from './reliability/fixtures.ts';
import { type ChildHandle, startWorkerProcess } from './reliability/processes.ts';

const BATCHES = 40;
const EXPECTED = BATCHES * INGEST_BATCH_SIZE;

let env: WorkerTestEnv;
let victim: ChildHandle | undefined;
let rescuer: RunningWorker | undefined;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_kill');
});

afterAll(async () => {
  await victim?.stop('SIGKILL');
  await rescuer?.close();
  await env?.cleanup();
});

test('a worker killed mid-job loses nothing and stores nothing twice once another takes over', async () => {
  const source = await createSource(env.database.db, {
    kind: 'rss',
    name: 'Busy feed',
    url: 'https://news.example/busy.rss',
    isQueryFeed: true,
    pollIntervalSeconds: 3600,
    enabled: true,
  });
  victim = await startWorkerProcess({
    DATABASE_URL: env.config.DATABASE_URL,
    REDIS_PREFIX: env.config.REDIS_PREFIX,
    WORKER_QUEUES: 'ingest',
    LOG_LEVEL: 'silent',
  });
  await enqueueMany(
    env.deps.queues,
    'mentions.ingest',
    Array.from({ length: BATCHES }, (_, b) => ({
      payload: { sourceId: source.id, mentions: makeMentions(`k${b}`, INGEST_BATCH_SIZE) },
    })),
  );

  // Kill it the moment it has stored some batches while others are still in its hands.
  let activeAtKill = 0;
  await vi.waitFor(
    async () => {
      const { rows } = await tallyMentions(env.database.pool);
      const { active = 0 } = await env.deps.queues.ingest.getJobCounts('active');
      if (rows === 0 || active === 0) {
        throw new Error(`rows ${rows}, active ${active}; worker output:\n${victim?.output()}`);
      }
      activeAtKill = active;
    },
    { timeout: 30_000, interval: 5 },
  );
  await victim.stop('SIGKILL');
  const atKill = await tallyMentions(env.database.pool);
  expect(atKill.rows).toBeGreaterThan(0);
  expect(atKill.rows).toBeLessThan(EXPECTED);
  expect(activeAtKill).toBeGreaterThan(0);

  rescuer = await startWorker(
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
  // The jobs the victim held were handed over as stalled, not dropped.
  expect(await eventCount('stalled')).toBeGreaterThanOrEqual(activeAtKill);
}, 90_000);

/** BullMQ's own record of what happened to the queue's jobs (its events stream). */
async function eventCount(event: string): Promise<number> {
  const entries = await env.deps.redis.xrange(`${env.config.REDIS_PREFIX}:ingest:events`, '-', '+');
  return entries.filter(([, fields]) => fields[1] === event).length;
}
