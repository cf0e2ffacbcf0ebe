import { closeQueues, createQueues, enqueue, type Queues } from '@barometer/bus';
import { hashedAuthor, upsertMentions } from '@barometer/db';
import {
  addFeedSource,
  createTestDatabase,
  mentionToStore,
  type TestDatabase,
  testRedisPrefix,
} from '@barometer/db/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { barometer } from './run-cli.ts';

let database: TestDatabase;
let redis: Redis;
let queues: Queues;
const prefix = testRedisPrefix('cli_erase');

beforeAll(async () => {
  database = await createTestDatabase('cli_erase');
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
});

afterAll(async () => {
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database?.drop();
});

test('erase removes one author’s mentions from the database and the queue, audited under a hash', async () => {
  const a = await addFeedSource(database, { name: 'A', url: 'https://a.example/feed.rss' });
  const b = await addFeedSource(database, { name: 'B', url: 'https://b.example/feed.rss' });
  await upsertMentions(database.pool, a.id, [
    mentionToStore('a1', 'Jo on ward 3', undefined, { author: '@Jo' }),
    mentionToStore('a2', 'Sam on ward 4', undefined, { author: 'sam' }),
  ]);
  await upsertMentions(database.pool, b.id, [
    mentionToStore('b1', 'Jo again', undefined, { author: 'jo' }),
  ]);
  const queued = (id: string, author: string) =>
    mentionToStore(id, `${author} queued`, undefined, { author }).mention;
  await enqueue(queues, 'mentions.ingest', {
    sourceId: a.id,
    mentions: [queued('q1', 'JO'), queued('q2', 'sam')],
  });
  await enqueue(queues, 'mentions.ingest', { sourceId: a.id, mentions: [queued('q3', '@jo')] });

  const result = barometer(['erase', '--author', 'jo'], {
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toBe('erased 2 stored mention(s) and 2 queued mention(s) by jo\n');

  const { rows } = await database.pool.query<{ external_id: string }>(
    'select external_id from mentions order by external_id',
  );
  expect(rows.map((r) => r.external_id)).toEqual(['a2']);
  const waiting = await queues.ingest.getJobs(['wait']);
  expect(
    waiting.map((j) => j.data.mentions.map((m: { externalId: string }) => m.externalId)),
  ).toEqual([['q2']]);
  const audit = await database.pool.query(
    "select actor_label, subject_type, subject_id, after from audit_log where action = 'mentions.erase'",
  );
  expect(audit.rows).toEqual([
    {
      actor_label: 'cli operator',
      subject_type: 'author',
      subject_id: hashedAuthor('jo'),
      after: { deleted: 2, sourceId: null },
    },
  ]);
  expect(JSON.stringify(audit.rows)).not.toMatch(/jo/i);
});

test('erase on one source leaves the author’s mentions elsewhere, and a missing handle is a usage error', async () => {
  const c = await addFeedSource(database, { name: 'C', url: 'https://c.example/feed.rss' });
  const d = await addFeedSource(database, { name: 'D', url: 'https://d.example/feed.rss' });
  await upsertMentions(database.pool, c.id, [
    mentionToStore('c1', 'x', undefined, { author: 'Lee' }),
  ]);
  await upsertMentions(database.pool, d.id, [
    mentionToStore('d1', 'y', undefined, { author: 'Lee' }),
  ]);
  const env = { DATABASE_URL: database.url, REDIS_PREFIX: prefix };
  expect(barometer(['erase', '--author', 'lee', '--source', String(c.id)], env).code).toBe(0);
  const { rows } = await database.pool.query(
    "select external_id from mentions where author = 'Lee'",
  );
  expect(rows).toEqual([{ external_id: 'd1' }]);
  const usage = barometer(['erase'], env);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/^usage: barometer erase --author HANDLE/);
});
