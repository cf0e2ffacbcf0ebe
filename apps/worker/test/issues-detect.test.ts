import { subscribeLive } from '@barometer/bus';
import { HOUR_MS, type LiveBusEvent, scoreMention } from '@barometer/core';
import { upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { detectIssues } from '../src/jobs/issues-detect.ts';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

let env: WorkerTestEnv;
let subscriber: Redis;
const received: LiveBusEvent[] = [];

// Wednesday 4 March 2026, 11:40 UTC: the tick's clock. Nine quiet days of parking mentions come
// before it, then a burst of complaints in the current hour.
const NOW = Date.UTC(2026, 2, 4, 11, 40);
const HOUR = Math.floor(NOW / HOUR_MS);

beforeAll(async () => {
  env = await createWorkerTestEnv('issues_detect');
  subscriber = new Redis(env.config.REDIS_URL, { maxRetriesPerRequest: null });
  await subscribeLive(subscriber, env.config.REDIS_PREFIX, {
    onMessage: (m) => {
      if (m.kind === 'events') received.push(...m.events);
    },
    onResubscribed: async () => {},
    log: { error: () => {} },
  });
});

afterAll(async () => {
  await subscriber?.quit();
  await env?.cleanup();
});

function stored(id: string, text: string, hour: number, minute: number, author: string) {
  return mentionToStore(id, text, scoreMention({ text }), {
    author,
    publishedAt: new Date(hour * HOUR_MS + minute * 60_000).toISOString(),
  });
}

test('a burst of parking complaints opens an issue about Parking, stored and published live, and a second tick adds nothing', async () => {
  const source = await addFeedSource(env.database, {
    name: 'Local social search',
    url: 'https://social.example/search.rss',
    enabled: false,
  });
  const history = [];
  for (let h = HOUR - 9 * 24; h < HOUR; h += 2) {
    history.push(
      stored(`calm-${h}`, 'Parking at Northfield General was fine today', h, 10, `calm-${h % 48}`),
    );
  }
  const burst = Array.from({ length: 20 }, (_, i) =>
    stored(
      `burst-${i}`,
      'Parking at Northfield General is a disgrace, waited an hour for a space and missed my appointment',
      HOUR,
      i * 2,
      `angry-${i}`,
    ),
  );
  await upsertMentions(env.database.pool, source.id, [...history, ...burst]);

  // The complaint also names appointments and waiting: those topics, new here, open too.
  const events = await detectIssues({}, env.ctx, env.deps, NOW);
  expect(events.every((e) => e.type === 'issue.opened')).toBe(true);
  const parking = events.find((e) => e.subject.key === 'Parking')!;
  expect(parking.explanation).toMatch(/^20 people posted about Parking in the last hour/);

  const { rows } = await env.database.pool.query(
    `select subject_key, status, severity, explanation from emerging_issues order by id`,
  );
  expect(rows).toHaveLength(events.length);
  expect(rows).toContainEqual({
    subject_key: 'Parking',
    status: 'open',
    severity: expect.stringMatching(/^(alert|page)$/),
    explanation: parking.explanation,
  });
  await vi.waitFor(() =>
    expect(received).toContainEqual({
      type: 'issue.opened',
      issue: expect.objectContaining({
        title: 'Parking: a surge of mentions',
        explanation: parking.explanation,
      }),
    }),
  );

  // The twenty near-identical complaints are one story, named by the first of them.
  const stories = await env.database.pool.query(
    `select distinct s.story_id, first.external_id from mention_stories s
     join mentions m on m.id = s.mention_id join mentions first on first.id = s.story_id
     where m.external_id like 'burst-%'`,
  );
  expect(stories.rows).toEqual([{ story_id: expect.any(Number), external_id: 'burst-0' }]);

  expect(await detectIssues({}, env.ctx, env.deps, NOW + 60_000)).toEqual([]);
  const count = await env.database.pool.query('select count(*)::int as n from emerging_issues');
  expect(count.rows[0].n).toBe(events.length);
});

test('once the burst is over and the topic is calm again for hours, its issue closes', async () => {
  const later = NOW + 8 * HOUR_MS;
  const events = await detectIssues({}, env.ctx, env.deps, later);
  expect(events.find((e) => e.subject.key === 'Parking')?.type).toBe('issue.closed');
  const { rows } = await env.database.pool.query(
    `select status, closed_at from emerging_issues where subject_key = 'Parking'`,
  );
  expect(rows).toEqual([{ status: 'closed', closed_at: new Date(later) }]);
  await vi.waitFor(() => expect(received.map((e) => e.type)).toContain('issue.closed'));
});
