import { hashedAuthor, upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('erasure');
});

afterAll(async () => {
  await env?.cleanup();
});

test('an admin erases one person’s mentions; others keep theirs, and the audit names a hash', async () => {
  await upsertMentions(env.database.pool, env.sourceId, [
    mentionToStore('e1', 'my NHS experience', undefined, { author: '@RiverJo' }),
    mentionToStore('e2', 'someone else', undefined, { author: 'Sam' }),
  ]);
  const res = await env.inject({
    method: 'POST',
    url: '/api/erasures',
    payload: { author: 'riverjo' },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ mentionsDeleted: 1, queuedRemoved: 0 });
  const { rows } = await env.database.pool.query('select author from mentions');
  expect(rows).toEqual([{ author: 'Sam' }]);
  const audit = await env.database.pool.query(
    "select subject_id from audit_log where action = 'mentions.erase'",
  );
  expect(audit.rows).toEqual([{ subject_id: hashedAuthor('riverjo') }]);
});

test('a manager may not erase', async () => {
  const { cookie } = await env.signedIn(['manager']);
  const res = await env.inject({
    method: 'POST',
    url: '/api/erasures',
    payload: { author: 'sam' },
    headers: { cookie },
  });
  expect(res.statusCode).toBe(403);
});
