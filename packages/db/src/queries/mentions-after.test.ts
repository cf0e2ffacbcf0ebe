import { scoreMention } from '@barometer/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addFeedSource, mentionToStore } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { listMentionsAfter, upsertMentions } from './mentions.ts';

let database: TestDatabase;
let ids: number[];

beforeAll(async () => {
  database = await createTestDatabase('db_after');
  const source = await addFeedSource(database, {
    name: 'Feed',
    url: 'https://news.example/feed.rss',
  });
  const score = scoreMention({ text: 'Northfield General' });
  const rows = Array.from({ length: 1500 }, (_, i) =>
    mentionToStore(`burst-${i}`, `Mention ${i} of a burst`, score),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await upsertMentions(database.pool, source.id, rows.slice(i, i + 500));
  }
  const result = await database.pool.query<{ id: number }>('select id from mentions order by id');
  ids = result.rows.map((r) => r.id);
});

afterAll(async () => {
  await database?.drop();
});

test('after a burst, a reconnect still gets the mentions it missed, not only re-sent ones', async () => {
  const lastSeen = ids[1200]!;
  const missed = ids.slice(1201, 1301);
  const sent = await listMentionsAfter(database.pool, lastSeen, 100);
  const sentIds = sent.map((m) => m.id);
  expect(sentIds.filter((id) => id > lastSeen)).toEqual(missed);
  // Rows committed just before the last seen one come again, for late commits; in id order.
  expect(sentIds.some((id) => id <= lastSeen)).toBe(true);
  expect([...sentIds].sort((a, b) => a - b)).toEqual(sentIds);
});

test('a client that has seen everything gets only the safety margin back', async () => {
  const sent = await listMentionsAfter(database.pool, ids.at(-1)!, 100);
  expect(sent.every((m) => m.id <= ids.at(-1)!)).toBe(true);
});
