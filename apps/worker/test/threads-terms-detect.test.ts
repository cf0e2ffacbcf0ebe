import { subscribeLive } from '@barometer/bus';
import { HOUR_MS, type LiveBusEvent, scoreMention } from '@barometer/core';
import { listEscalatedThreads, upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { runDetectionTick } from '../src/jobs/issues-detect.ts';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

let env: WorkerTestEnv;
let subscriber: Redis;
const received: LiveBusEvent[] = [];

const NOW = Date.UTC(2026, 2, 11, 14, 50);
const HOUR = Math.floor(NOW / HOUR_MS);

beforeAll(async () => {
  env = await createWorkerTestEnv('threads_terms');
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

const EVERYDAY = [
  'Long wait in A&E at Northfield General tonight',
  'Lovely midwife on the maternity unit, thank you Northfield',
  'Waiting for test results from the clinic for weeks',
  'The food on the ward was cold again',
  'Staff in outpatients were kind and quick',
];

function at(ms: number, id: string, text: string, author: string, more = {}) {
  return mentionToStore(id, text, scoreMention({ text }), {
    author,
    publishedAt: new Date(ms).toISOString(),
    ...more,
  });
}

test('a word suddenly used by many people opens a term issue, and a pile-on in a thread escalates it, stored and published', async () => {
  const source = await addFeedSource(env.database, {
    name: 'Local social search',
    url: 'https://social.example/search.rss',
    enabled: false,
  });
  const history = [];
  for (let h = HOUR - 10 * 24; h < HOUR - 3; h += 1) {
    const text = EVERYDAY[h % EVERYDAY.length]!;
    history.push(at(h * HOUR_MS + 5 * 60_000, `bg-${h}`, text, `person-${h % 40}`));
  }
  const outbreak = Array.from({ length: 12 }, (_, i) =>
    at(
      NOW - (100 - i * 5) * 60_000,
      `noro-${i}`,
      `${['Norovirus outbreak', 'norovirus outbreak again', 'Heard about the norovirus outbreak'][i % 3]} at Northfield General, ward ${i} closed`,
      `worried-${i}`,
    ),
  );
  // A post that was quiet for hours, then 25 angry replies from new people in the last hour.
  const root = at(
    NOW - 8 * HOUR_MS,
    'post-1',
    'Northfield General is closing the minor injuries unit',
    'localnews',
  );
  const quiet = Array.from({ length: 12 }, (_, i) =>
    at(NOW - (400 - i * 25) * 60_000, `quiet-${i}`, 'Is this confirmed?', `asker-${i}`, {
      rootExternalId: 'post-1',
      parentExternalId: 'post-1',
    }),
  );
  const pileOn = Array.from({ length: 25 }, (_, i) =>
    at(
      NOW - (55 - i * 2) * 60_000,
      `reply-${i}`,
      'This is a disgrace, people will die waiting',
      `angry-${i}`,
      {
        rootExternalId: 'post-1',
        parentExternalId: 'post-1',
      },
    ),
  );
  await upsertMentions(env.database.pool, source.id, [
    ...history,
    ...outbreak,
    root,
    ...quiet,
    ...pileOn,
  ]);

  const { issues, threads } = await runDetectionTick({}, env.ctx, env.deps, NOW);

  const term = issues.find((e) => e.subject.kind === 'term' && /norovirus/.test(e.subject.key));
  expect(term).toMatchObject({ type: 'issue.opened', label: 'norovirus outbreak' });
  expect(
    issues.some((e) => e.subject.kind === 'term' && /northfield|general/.test(e.subject.key)),
  ).toBe(false);

  expect(threads).toEqual([
    expect.objectContaining({ sourceId: source.id, rootId: 'post-1', level: 'page' }),
  ]);
  const [stored] = await listEscalatedThreads(env.database.pool);
  expect(stored).toMatchObject({
    rootId: 'post-1',
    level: 'page',
    title: 'Northfield General is closing the minor injuries unit',
  });
  expect(stored!.explanation).toMatch(/^25 replies in the last hour/);
  await vi.waitFor(() =>
    expect(received).toContainEqual({
      type: 'thread.escalated',
      thread: expect.objectContaining({ rootId: 'post-1', level: 'page', title: stored!.title }),
    }),
  );

  // A paging conversation is handed to the alert rules, as a flagged post would be.
  const alertJobs = await env.deps.queues.alerts.getJobs(['waiting', 'delayed', 'active']);
  const handed = alertJobs.filter((j) => j.name === 'alerts.evaluate' && j.data.thread);
  expect(handed.map((j) => j.data.thread)).toEqual([
    expect.objectContaining({
      level: 'page',
      threadKey: `${source.id}:post-1`,
      title: stored!.title,
    }),
  ]);

  // The next tick is the same conversation at the same level: nothing rises again.
  const again = await runDetectionTick({}, env.ctx, env.deps, NOW + 20 * 60_000);
  expect(again.threads).toEqual([]);
});

test('hours later, with the thread gone quiet, it no longer holds a level', async () => {
  await runDetectionTick({}, env.ctx, env.deps, NOW + 3 * HOUR_MS);
  expect(await listEscalatedThreads(env.database.pool)).toEqual([]);
});
