import { scoreMention } from '@barometer/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addFeedSource, mentionToStore } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { saveStories } from './detection.ts';
import { getMentionsByIds, upsertMentions } from './mentions.ts';

let database: TestDatabase;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase('db_story');
  const text = 'Wrong medication on the discharge letter at Northfield General';
  const score = scoreMention({ text });
  for (const [name, external] of [
    ['News A', ['a-1', 'a-2']],
    ['News B', ['b-1']],
    ['News C', ['c-1', 'alone']],
  ] as const) {
    const source = await addFeedSource(database, {
      name,
      url: `https://${name.replace(' ', '').toLowerCase()}.example/feed.rss`,
    });
    await upsertMentions(
      database.pool,
      source.id,
      external.map((e) => mentionToStore(e, e === 'alone' ? 'Parking is fine' : text, score)),
    );
  }
  const { rows } = await database.pool.query<{ id: number; external_id: string }>(
    'select id, external_id from mentions',
  );
  for (const r of rows) ids[r.external_id] = r.id;
  const story = ids['a-1']!;
  await saveStories(
    database.pool,
    ['a-1', 'a-2', 'b-1', 'c-1'].map((e) => ({ mentionId: ids[e]!, storyId: story })),
  );
});

afterAll(async () => {
  await database?.drop();
});

test('each mention says which story it tells and how many other copies and sources tell it', async () => {
  const found = await getMentionsByIds(database.pool, [ids['a-2']!, ids['b-1']!, ids.alone!]);
  const byId = new Map(found.map((m) => [m.externalId, m.story]));
  expect(byId.get('a-2')).toEqual({ id: ids['a-1'], copies: 3, sources: 2 });
  expect(byId.get('b-1')).toEqual({ id: ids['a-1'], copies: 3, sources: 2 });
  expect(byId.get('alone')).toBeNull();
});
