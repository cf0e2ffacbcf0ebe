import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  addFeedSource,
  createWorkerTestEnv,
  type FeedServer,
  rssFeed,
  startFeedServer,
  type WorkerTestEnv,
} from './helpers.ts';
import { tallyMentions } from './reliability/fixtures.ts';

let env: WorkerTestEnv;
let feed: FeedServer;

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
  await env?.cleanup();
  await feed?.close();
});

test('ingest jobs lost with Redis state are recovered by refetching the feed in full', async () => {
  const source = await addFeedSource(env.database, { name: 'Northfield news', url: feed.url });
  // A worker that polls but does not ingest: the batch waits in Redis as an ingest job.
  const pollOnly = await env.startWorker({ WORKER_QUEUES: 'schedule,poll' });
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
  await env.wipeRedis();

  await env.startWorker();
  await vi.waitFor(async () => expect((await tallyMentions(env.database.pool)).rows).toBe(3), {
    timeout: 20_000,
    interval: 100,
  });
  expect(feed.requests).toBeGreaterThanOrEqual(2);
});
