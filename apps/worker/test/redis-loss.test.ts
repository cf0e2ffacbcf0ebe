import { createSource } from '@barometer/db';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadWorkerConfig } from '../src/config.ts';
import { type RunningWorker, startWorker } from '../src/main.ts';
import {
  createWorkerTestEnv,
  type FeedServer,
  rssFeed,
  startFeedServer,
  type WorkerTestEnv,
} from './helpers.ts';

let env: WorkerTestEnv;
let feed: FeedServer;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  env = await createWorkerTestEnv('redis_loss');
  feed = await startFeedServer(
    rssFeed([
      { guid: 'r-1', title: 'Northfield General praised', text: 'Lovely staff' },
      { guid: 'r-2', title: 'Northfield General parking', text: 'No spaces again' },
      { guid: 'r-3', title: 'Northfield General open day', text: 'Saturday 10am' },
    ]),
  );
});

afterAll(async () => {
  for (const w of workers) await w.close();
  await feed?.close();
  await env?.cleanup();
});

test('ingest jobs lost with Redis state are recovered by refetching the feed in full', async () => {
  const source = await createSource(env.database.db, {
    kind: 'rss',
    name: 'Northfield news',
    url: feed.url,
    isQueryFeed: true,
    pollIntervalSeconds: 3600,
    enabled: true,
  });
  // A worker that polls but does not ingest: the batch waits in Redis as an ingest job.
  const pollOnly = await startWorker(
    loadWorkerConfig({ ...configEnv(), WORKER_QUEUES: 'schedule,poll' }),
  );
  await vi.waitFor(
    async () =>
      expect(await env.deps.queues.ingest.getJobCounts('waiting')).toMatchObject({ waiting: 1 }),
    { timeout: 15_000, interval: 50 },
  );
  await pollOnly.close();
  const { rows } = await env.database.pool.query<{ last_success_at: Date | null }>(
    'select last_success_at from sources where id = $1',
    [source.id],
  );
  expect(rows[0]?.last_success_at).not.toBeNull();

  // Redis loses everything: the ingest job, the schedules, the epoch marker.
  const keys = await env.deps.redis.keys(`${env.config.REDIS_PREFIX}:*`);
  await env.deps.redis.del(...keys);

  workers.push(await startWorker(env.config));
  await vi.waitFor(
    async () => {
      const count = await env.database.pool.query<{ n: number }>(
        'select count(*)::int as n from mentions',
      );
      expect(count.rows[0]?.n).toBe(3);
    },
    { timeout: 20_000, interval: 100 },
  );
  expect(feed.requests).toBeGreaterThanOrEqual(2);
});

function configEnv(): Record<string, string> {
  return {
    DATABASE_URL: env.config.DATABASE_URL,
    REDIS_PREFIX: env.config.REDIS_PREFIX,
    ALLOW_PRIVATE_FEEDS: 'true',
    LOG_LEVEL: 'silent',
  };
}
