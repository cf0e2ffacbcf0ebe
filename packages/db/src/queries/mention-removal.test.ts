import { afterAll, beforeAll, expect, test } from 'vitest';
import { addFeedSource, mentionToStore } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { authorKey, deleteMentionsByExternalIds } from './mention-removal.ts';
import { upsertMentions } from './mentions.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('db_removal');
});

afterAll(async () => {
  await database?.drop();
});

test('posts deleted upstream are removed from their own source only', async () => {
  const a = await addFeedSource(database, { name: 'A', url: 'https://a.example/rss' });
  const b = await addFeedSource(database, { name: 'B', url: 'https://b.example/rss' });
  const [gone] = (await upsertMentions(database.pool, a.id, [mentionToStore('x1', 'one')]))
    .insertedIds;
  await upsertMentions(database.pool, a.id, [mentionToStore('x2', 'two')]);
  await upsertMentions(database.pool, b.id, [mentionToStore('x1', 'same id, other source')]);
  expect(await deleteMentionsByExternalIds(database.pool, a.id, ['x1', 'never-stored'])).toEqual([
    gone,
  ]);
  const { rows } = await database.pool.query(
    'select source_id, external_id from mentions order by source_id, external_id',
  );
  expect(rows).toEqual([
    { source_id: a.id, external_id: 'x2' },
    { source_id: b.id, external_id: 'x1' },
  ]);
  expect(await deleteMentionsByExternalIds(database.pool, a.id, [])).toEqual([]);
});

test('an author key ignores a leading @, case and spaces', () => {
  expect(authorKey(' @RiverJo ')).toBe('riverjo');
  expect(authorKey('riverjo')).toBe(authorKey('@RIVERJO'));
});
