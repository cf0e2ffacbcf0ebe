import { enqueue } from '@barometer/bus';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { makeMentions, tallyMentions } from './reliability/fixtures.ts';

let env: WorkerTestEnv;
let sourceId: number;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_payload');
  await env.startWorker({ WORKER_QUEUES: 'ingest' });
  const source = await addFeedSource(env.database, {
    name: 'Feed',
    url: 'https://news.example/feed.rss',
  });
  sourceId = source.id;
});

afterAll(async () => {
  await env?.cleanup();
});

async function failedReason(jobId: string | undefined): Promise<string> {
  const job = await env.deps.queues.ingest.getJob(jobId ?? '');
  const state = await job?.getState();
  if (state !== 'failed') throw new Error(`job ${jobId} is ${state}`);
  return job?.failedReason ?? '';
}

test('a job added with a malformed payload fails with a message naming the field, and good jobs still run', async () => {
  // Straight onto the queue, as a buggy or foreign producer would, bypassing enqueue's check.
  const badId = await env.deps.queues.ingest.add('mentions.ingest', {
    sourceId: 'seven',
    mentions: makeMentions('bad', 1),
  });
  const badMention = await env.deps.queues.ingest.add('mentions.ingest', {
    sourceId,
    mentions: [{ ...makeMentions('bad-text', 1)[0], text: 42 }],
  });
  const unknown = await env.deps.queues.ingest.add('mentions.explode', { sourceId });
  await enqueue(env.deps.queues, 'mentions.ingest', {
    sourceId,
    mentions: makeMentions('good', 5),
  });

  await vi.waitFor(
    async () => {
      expect(await failedReason(badId.id)).toMatch(/invalid payload for job mentions\.ingest/);
      expect(await failedReason(badId.id)).toMatch(/sourceId/);
      expect(await failedReason(badMention.id)).toMatch(/mentions\[0\]\.text|mentions\.0\.text/);
      expect(await failedReason(unknown.id)).toBe('no handler for job mentions.explode');
      expect(await tallyMentions(env.database.pool)).toEqual({ rows: 5, distinct: 5 });
    },
    { timeout: 15_000, interval: 50 },
  );

  // The same worker keeps taking work after the failures.
  await enqueue(env.deps.queues, 'mentions.ingest', {
    sourceId,
    mentions: makeMentions('after', 3),
  });
  await vi.waitFor(
    async () => expect(await tallyMentions(env.database.pool)).toEqual({ rows: 8, distinct: 8 }),
    { timeout: 15_000, interval: 50 },
  );
});

test('a malformed payload is failed at once instead of burning its retries', async () => {
  const job = await env.deps.queues.ingest.add(
    'mentions.ingest',
    { sourceId: -1, mentions: [] },
    { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
  );
  await vi.waitFor(async () => expect(await failedReason(job.id)).toMatch(/sourceId/), {
    timeout: 10_000,
    interval: 50,
  });
  expect((await env.deps.queues.ingest.getJob(job.id ?? ''))?.attemptsMade).toBe(1);
});
