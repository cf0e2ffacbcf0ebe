import { closeQueues, createQueues, type Queues } from '@barometer/bus';
import {
  addSignedInUser,
  createTestDatabase,
  type TestDatabase,
  testRedisPrefix,
} from '@barometer/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { addFeedSource, rssFeed } from './helpers.ts';
import {
  type ConditionalFeed,
  startConditionalFeed,
  tallyMentions,
} from './reliability/fixtures.ts';
import { connectLive, type LiveClient } from './reliability/live-client.ts';
import {
  type ApiProcess,
  type ChildHandle,
  startApiProcess,
  startWorkerProcess,
} from './reliability/processes.ts';
import { type PrivateRedis, startPrivateRedis } from './reliability/redis-server.ts';

const before = [
  { guid: 'r-1', title: 'Northfield General praised', text: 'Lovely staff on Bluebell Ward' },
  { guid: 'r-2', title: 'Northfield General parking', text: 'No spaces again' },
  { guid: 'r-3', title: 'Northfield General open day', text: 'Saturday 10am' },
];
const after = [
  ...before,
  { guid: 'r-4', title: 'Northfield General A&amp;E', text: 'Waited nine hours' },
  { guid: 'r-5', title: 'Northfield General thanks', text: 'Thank you, maternity team' },
];

let database: TestDatabase;
let redis: PrivateRedis;
let inspector: Redis;
let queues: Queues;
let feed: ConditionalFeed;
let worker: ChildHandle | undefined;
let api: ApiProcess | undefined;
let live: LiveClient | undefined;

beforeAll(async () => {
  [database, redis, feed] = await Promise.all([
    createTestDatabase('rel_redis'),
    startPrivateRedis(),
    startConditionalFeed(rssFeed(before)),
  ]);
  const prefix = testRedisPrefix('rel_redis');
  inspector = new Redis(redis.url, { maxRetriesPerRequest: null });
  // Refused reconnects while the server is down are expected; ioredis would print each one.
  inspector.on('error', () => undefined);
  queues = createQueues(inspector, prefix);
  for (const queue of Object.values(queues)) queue.on('error', () => undefined);
  const common = {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    LOG_LEVEL: 'silent',
  };
  [worker, api] = await Promise.all([
    startWorkerProcess({ ...common, ALLOW_PRIVATE_FEEDS: 'true', TEST_SCHEDULE_REFRESH_MS: '500' }),
    startApiProcess(common),
  ]);
}, 60_000);

afterAll(async () => {
  await live?.close();
  await worker?.stop('SIGKILL');
  await api?.stop('SIGKILL');
  await closeQueues(queues);
  inspector?.disconnect();
  await redis?.stop();
  await feed?.close();
  await database?.drop();
});

async function sourceRow(id: number): Promise<{ etag: string | null; next_poll_at: Date }> {
  const { rows } = await database.pool.query<{ etag: string | null; next_poll_at: Date }>(
    'select etag, next_poll_at from sources where id = $1',
    [id],
  );
  return rows[0]!;
}

test('after redis-server restarts empty, nothing in flight is lost: the source is refetched in full and live resumes', async () => {
  const source = await addFeedSource(database, { name: 'Northfield news', url: feed.url });
  await vi.waitFor(
    async () => {
      expect((await tallyMentions(database.pool)).rows).toBe(3);
      expect((await sourceRow(source.id)).etag).not.toBeNull();
    },
    { timeout: 30_000, interval: 50 },
  );
  const officer = await addSignedInUser(database.pool, ['officer']);
  live = await connectLive(api!.url, null, officer);

  // New items are polled, but their ingest job is held in Redis (queue paused) when Redis dies.
  await queues.ingest.pause();
  const etagBefore = (await sourceRow(source.id)).etag;
  feed.setBody(rssFeed(after));
  const poll = await fetch(`${api!.url}/api/sources/${source.id}/poll`, {
    method: 'POST',
    headers: { cookie: officer.cookie },
  });
  expect(poll.status).toBe(202);
  await vi.waitFor(
    async () => {
      expect((await sourceRow(source.id)).etag).not.toBe(etagBefore);
      // BullMQ 6 keeps a paused queue's jobs in its wait list.
      const held = await queues.ingest.getJobCounts('waiting', 'prioritized');
      expect((held.waiting ?? 0) + (held.prioritized ?? 0)).toBe(1);
    },
    { timeout: 30_000, interval: 50 },
  );
  expect((await tallyMentions(database.pool)).rows).toBe(3);
  const requestsBefore = feed.requests.length;

  await redis.kill();
  const down = await fetch(`${api!.url}/api/ready`);
  expect(down.status).toBe(503);
  expect(await down.json()).toMatchObject({
    postgres: 'ok',
    redis: 'queue store not answering',
  });
  await redis.start();

  // Not due for an hour and its ETag is current, yet refetched in full: Redis lost its state.
  await vi.waitFor(
    () => {
      const refetches = feed.requests.slice(requestsBefore);
      expect(refetches.length).toBeGreaterThan(0);
      expect(refetches[0]?.['if-none-match']).toBeUndefined();
    },
    { timeout: 30_000, interval: 50 },
  );
  await vi.waitFor(
    async () => {
      expect(await tallyMentions(database.pool)).toEqual({ rows: 5, distinct: 5 });
      // The socket opened before the restart still receives what is committed after it.
      expect(live!.externalIds()).toEqual(expect.arrayContaining(['r-4', 'r-5']));
    },
    { timeout: 30_000, interval: 50 },
  );
  expect(await queues.schedule.getJobScheduler('sources.schedule')).toMatchObject({
    every: expect.any(Number),
  });
  expect((await sourceRow(source.id)).next_poll_at.getTime()).toBeGreaterThan(Date.now() + 60_000);
  expect(live!.closed()).toBe(false);
  expect((await fetch(`${api!.url}/api/ready`)).status).toBe(200);
  expect(worker!.exited()).toBe(false);
  expect(api!.exited()).toBe(false);
}, 90_000);
