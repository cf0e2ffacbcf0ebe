import { SCORER_VERSION, scoreMention } from '@barometer/core';
import { readScorerStatus, upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startRescoreIfNeeded } from '../src/jobs/mentions-rescore.ts';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

let env: WorkerTestEnv;

beforeAll(async () => {
  env = await createWorkerTestEnv('rescore');
});

afterAll(async () => {
  await env?.cleanup();
});

test('mentions scored by an older scorer are re-scored in batches until all carry the current version', async () => {
  const source = await addFeedSource(env.database, {
    name: 'Old feed',
    url: 'https://news.example/old.rss',
    enabled: false,
  });
  const texts = Array.from({ length: 1200 }, (_, i) =>
    i % 2 ? `Waited 9 hours at Northfield A&E, awful (${i})` : `Thank you Bluebell Ward (${i})`,
  );
  await upsertMentions(
    env.database.pool,
    source.id,
    texts.map((text, i) =>
      // What an older scorer stored: every label neutral, version "legacy".
      mentionToStore(`old-${i}`, text, {
        ...scoreMention({ text }),
        version: 'legacy',
        sentiment: { score: 0, label: 'neutral', confidence: 0 },
      }),
    ),
  );
  expect(await readScorerStatus(env.database.pool, SCORER_VERSION)).toEqual({
    version: SCORER_VERSION,
    mentionsTotal: 1200,
    mentionsOnCurrentVersion: 0,
  });

  // Starting the worker notices the old version and queues the backfill itself.
  await env.startWorker();
  await vi.waitFor(
    async () =>
      expect(
        (await readScorerStatus(env.database.pool, SCORER_VERSION)).mentionsOnCurrentVersion,
      ).toBe(1200),
    { timeout: 30_000, interval: 100 },
  );
  const { rows } = await env.database.pool.query<{ label: string; n: number }>(
    'select sentiment_label as label, count(*)::int as n from mentions group by 1 order by 1',
  );
  expect(rows.find((r) => r.label === 'neutral')?.n ?? 0).toBeLessThan(1200);
  expect(await startRescoreIfNeeded(env.deps)).toBe(false);
});
