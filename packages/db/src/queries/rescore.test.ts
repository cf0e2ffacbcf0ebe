import { SCORER_VERSION, scoreMention } from '@barometer/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addFeedSource, mentionToStore } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { upsertMentions } from './mentions.ts';
import { listMentionsToRescore, saveRescores } from './rescore.ts';

let database: TestDatabase;
let sourceId: number;

beforeAll(async () => {
  database = await createTestDatabase('db_rescore');
  const source = await addFeedSource(database, {
    name: 'Feed',
    url: 'https://news.example/feed.rss',
  });
  sourceId = source.id;
});

afterAll(async () => {
  await database?.drop();
});

function row(externalId: string, text: string, version: string) {
  return mentionToStore(externalId, text, { ...scoreMention({ text }), version });
}

async function stored(externalId: string) {
  const { rows } = await database.pool.query<{ redacted_text: string; scorer_version: string }>(
    'select redacted_text, scorer_version from mentions where external_id = $1',
    [externalId],
  );
  return rows[0];
}

test('a rescore does not overwrite a mention that ingest edited and scored after the batch was read', async () => {
  const before = 'Ring me on 07700 900123 about Northfield General';
  const after = 'Sorted now, thank you Northfield General';
  await upsertMentions(database.pool, sourceId, [
    row('edited', before, 'legacy'),
    row('untouched', 'Waited hours at Northfield A&E', 'legacy'),
  ]);
  const batch = await listMentionsToRescore(database.pool, SCORER_VERSION, 0, 10);
  expect(batch.map((m) => m.text)).toContain(before);

  // The feed edits the item while the rescore job is scoring the batch it read.
  await upsertMentions(database.pool, sourceId, [row('edited', after, SCORER_VERSION)]);
  const saved = await saveRescores(
    database.pool,
    batch.map((m) => ({ id: m.id, score: scoreMention({ title: m.title, text: m.text }) })),
  );

  expect(saved).toBe(1);
  expect(await stored('edited')).toEqual({
    redacted_text: scoreMention({ text: after }).redacted,
    scorer_version: SCORER_VERSION,
  });
  expect(await stored('untouched')).toMatchObject({ scorer_version: SCORER_VERSION });
});
