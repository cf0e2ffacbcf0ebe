import { LiveBusMessage, liveChannel } from '@barometer/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { ingestMentions } from '../src/jobs/mentions-ingest.ts';
import {
  addFeedSource,
  createWorkerTestEnv,
  type FeedServer,
  makeDue,
  rssFeed,
  startFeedServer,
  type WorkerTestEnv,
} from './helpers.ts';
import { queueState, tallyMentions } from './reliability/fixtures.ts';

let env: WorkerTestEnv;
let feed: FeedServer;

const items = [
  { guid: 'a-1', title: 'Praise for Northfield General', text: 'Brilliant care on Bluebell Ward.' },
  { guid: 'a-2', title: 'Long waits at A&amp;E', text: 'Waited 14 hours in a corridor.' },
  { guid: 'a-3', title: 'Car park question', text: 'Is the car park free on Sundays?' },
];

beforeAll(async () => {
  env = await createWorkerTestEnv('pipeline');
  feed = await startFeedServer(rssFeed(items));
  await env.startWorker({}, { scheduleRefreshMs: 300 });
});

afterAll(async () => {
  await env?.cleanup();
  await feed?.close();
});

async function mentionCount(): Promise<number> {
  return (await tallyMentions(env.database.pool)).rows;
}

async function pollCompletedAfter(sourceId: number, since: Date): Promise<boolean> {
  const { rows } = await env.database.pool.query<{ done: boolean }>(
    'select last_attempt_at > $2 as done from sources where id = $1',
    [sourceId, since],
  );
  return rows[0]?.done === true;
}

async function pollNowAndSettle(sourceId: number): Promise<void> {
  const since = new Date();
  await makeDue(env.database, sourceId);
  await vi.waitFor(async () => expect(await pollCompletedAfter(sourceId, since)).toBe(true), {
    timeout: 15_000,
    interval: 50,
  });
  await vi.waitFor(async () => expect((await queueState(env.deps.queues.ingest)).pending).toBe(0), {
    timeout: 15_000,
  });
}

test('a feed polled twice becomes its rows in mentions exactly once', async () => {
  const source = await addFeedSource(env.database, { name: 'Local news', url: feed.url });
  await vi.waitFor(async () => expect(await mentionCount()).toBe(3), {
    timeout: 15_000,
    interval: 50,
  });
  await pollNowAndSettle(source.id);
  expect(feed.requests).toBeGreaterThanOrEqual(2);
  expect(await mentionCount()).toBe(3);
  const { rows } = await env.database.pool.query<{ external_id: string; sentiment_label: string }>(
    'select external_id, sentiment_label from mentions order by external_id',
  );
  expect(rows.map((r) => r.external_id)).toEqual(['a-1', 'a-2', 'a-3']);
  const { rows: health } = await env.database.pool.query<{
    status: string;
    consecutive_failures: number;
  }>('select status, consecutive_failures from sources where id = $1', [source.id]);
  expect(health[0]).toEqual({ status: 'healthy', consecutive_failures: 0 });
});

test('an edited item updates its row instead of adding one', async () => {
  const [source] = (await env.database.pool.query<{ id: number }>('select id from sources')).rows;
  feed.setBody(
    rssFeed([
      { ...items[0]!, title: 'Praise for Northfield General (updated)' },
      ...items.slice(1),
    ]),
  );
  await pollNowAndSettle(source!.id);
  expect(await mentionCount()).toBe(3);
  const { rows } = await env.database.pool.query<{ title: string }>(
    "select title from mentions where external_id = 'a-1'",
  );
  expect(rows[0]?.title).toBe('Praise for Northfield General (updated)');
});

test('the same ingest job run twice stores each mention once and publishes only the first time', async () => {
  const [source] = (await env.database.pool.query<{ id: number }>('select id from sources')).rows;
  const subscriber = new Redis(env.config.REDIS_URL);
  const messages: string[] = [];
  subscriber.on('message', (_channel, message) => messages.push(message));
  await subscriber.subscribe(liveChannel(env.config.REDIS_PREFIX));
  const payload = {
    sourceId: source!.id,
    mentions: [
      {
        externalId: 'direct-1',
        url: 'https://news.example/direct-1',
        author: 'A reader',
        title: null,
        text: 'Thank you to the midwives at Northfield General',
        html: null,
        publishedAt: '2026-11-22T09:00:00Z',
        publishedRaw: 'Sun, 22 Nov 2026 09:00:00 GMT',
        parentExternalId: null,
        rootExternalId: null,
      },
    ],
  };
  const before = await mentionCount();
  await ingestMentions(payload, env.ctx, env.deps);
  await ingestMentions(payload, env.ctx, env.deps);
  expect(await mentionCount()).toBe(before + 1);
  await vi.waitFor(() => expect(messages).toHaveLength(1));
  const published = LiveBusMessage.parse(JSON.parse(messages[0]!));
  expect(published.kind).toBe('events');
  if (published.kind !== 'events') return;
  expect(published.events.map((e) => e.type)).toEqual(['mention.created']);
  // Ids only on the bus: no text of the mention travels through Redis.
  const { rows } = await env.database.pool.query<{ id: number }>(
    "select id from mentions where external_id = 'direct-1'",
  );
  expect(published.events).toEqual([{ type: 'mention.created', mentionId: rows[0]!.id }]);
  expect(messages[0]).not.toContain('midwives');
  expect(published.rooms).toContain('role:officer');
  await subscriber.quit();
});

test('after Redis loses its state the scheduler rebuilds the work from Postgres', async () => {
  const [source] = (await env.database.pool.query<{ id: number }>('select id from sources')).rows;
  await env.wipeRedis();
  feed.setBody(
    rssFeed([...items, { guid: 'a-4', title: 'New post', text: 'Northfield NHS news' }]),
  );
  await pollNowAndSettle(source!.id);
  await vi.waitFor(async () => expect(await mentionCount()).toBe(5), { timeout: 15_000 });
});
