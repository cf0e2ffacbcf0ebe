import { enqueue } from '@barometer/bus';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { makeMentions } from './reliability/fixtures.ts';

let env: WorkerTestEnv;

beforeAll(async () => {
  env = await createWorkerTestEnv('lost_batch');
  await env.startWorker({ WORKER_QUEUES: 'ingest' });
});

afterAll(async () => {
  await env?.cleanup();
});

test('an ingest batch that fails for good makes its source refetch the whole feed', async () => {
  const source = await addFeedSource(env.database, {
    name: 'Feed',
    url: 'https://news.example/feed.rss',
  });
  await env.database.pool.query(
    `update sources set etag = '"v1"', content_hash = 'abc', next_poll_at = now() + interval '1 hour'
     where id = $1`,
    [source.id],
  );
  // This test's own database refuses one external id, so the batch can never be stored.
  await env.database.pool.query(
    "alter table mentions add constraint refuse_poison check (external_id <> 'poison-1')",
  );
  const [mention] = makeMentions('poison', 1);
  await enqueue(
    env.deps.queues,
    'mentions.ingest',
    { sourceId: source.id, mentions: [{ ...mention!, externalId: 'poison-1' }] },
    { attempts: 2, backoff: { type: 'fixed', delay: 10 } },
  );
  await vi.waitFor(
    async () => {
      const { rows } = await env.database.pool.query<{ etag: string | null; due: boolean }>(
        'select etag, content_hash, next_poll_at <= now() as due from sources where id = $1',
        [source.id],
      );
      expect(rows[0]).toMatchObject({ etag: null, content_hash: null, due: true });
    },
    { timeout: 15_000, interval: 50 },
  );
  // The failed batch is not kept: Redis holds none of its text.
  expect(await env.deps.queues.ingest.getJobCounts('failed', 'waiting', 'active')).toEqual({
    failed: 0,
    waiting: 0,
    active: 0,
  });
  const keys = await env.deps.redis.keys(`${env.config.REDIS_PREFIX}:ingest:*`);
  for (const key of keys) {
    if ((await env.deps.redis.type(key)) !== 'hash') continue;
    expect(JSON.stringify(await env.deps.redis.hgetall(key))).not.toContain('poison-1');
  }
});
