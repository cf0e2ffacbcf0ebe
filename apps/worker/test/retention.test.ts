import { upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { purgeOldMentions, retentionCutoff } from '../src/jobs/mentions-retention.ts';
import { addFeedSource, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

let env: WorkerTestEnv;

beforeAll(async () => {
  env = await createWorkerTestEnv('retention');
});

afterAll(async () => {
  await env?.cleanup();
});

test('the cutoff is the same moment the given number of months earlier', () => {
  expect(retentionCutoff(new Date('2026-12-01T03:30:00Z'), 12).toISOString()).toBe(
    '2025-12-01T03:30:00.000Z',
  );
});

test('mentions collected before the retention period are deleted and the count is audited', async () => {
  const source = await addFeedSource(env.database, { name: 'F', url: 'https://f.example/rss' });
  await upsertMentions(env.database.pool, source.id, [
    mentionToStore('old-1', 'old one'),
    mentionToStore('old-2', 'old two'),
    mentionToStore('new-1', 'recent'),
  ]);
  await env.database.pool.query(
    "update mentions set fetched_at = now() - interval '13 months' where external_id like 'old-%'",
  );
  await env.database.pool.query(
    "update mentions set fetched_at = now() - interval '11 months' where external_id = 'new-1'",
  );
  await purgeOldMentions({}, env.ctx, env.deps);
  const { rows } = await env.database.pool.query('select external_id from mentions');
  expect(rows).toEqual([{ external_id: 'new-1' }]);
  const audit = await env.database.pool.query(
    "select actor_label, after from audit_log where action = 'mentions.retention'",
  );
  expect(audit.rows).toEqual([
    {
      actor_label: 'system',
      after: { deleted: 2, fetchedBefore: expect.any(String), retentionMonths: 12 },
    },
  ]);
});
