import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiProcess, startApiProcess } from '../../worker/test/reliability/processes.ts';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';
import { storeAndPublish } from './reliability/bulk-publish.ts';
import { catchUp } from './reliability/storm-client.ts';

// A reconnect storm: every dashboard resuming from the start at once, against the real API
// process (its own event loop, its own back-fill pool).
// Each back-fill is a full one (the 1,000-row limit), so back-fills overlap and the line fills.
const CLIENTS = 100;
const MENTIONS = 1000;

let env: ApiTestEnv;
let api: ApiProcess | undefined;

beforeAll(async () => {
  env = await createApiTestEnv('rel_storm');
  api = await startApiProcess({
    DATABASE_URL: env.database.url,
    REDIS_PREFIX: env.prefix,
    LIVE_BACKFILL_CONCURRENCY: '2',
    LIVE_BACKFILL_QUEUE: '5',
  });
}, 120_000);

afterAll(async () => {
  await api?.stop('SIGKILL');
  await env?.cleanup();
});

test('a back-fill storm is served a few at a time, turns the rest away to retry, and loses nothing', async () => {
  const ids = await storeAndPublish(env, {
    label: 'storm',
    count: MENTIONS,
    textChars: 500,
    batch: 100,
  });
  const wsBase = api!.url.replace(/^http/, 'ws');
  const storm = Array.from({ length: CLIENTS }, () => catchUp(wsBase, 0, env.cookie));
  // The API's own reads are not stuck behind the back-fills.
  const during = await fetch(`${api!.url}/api/mentions?limit=50`, {
    headers: { cookie: env.cookie },
    signal: AbortSignal.timeout(15_000),
  });
  expect(during.status).toBe(200);

  const results = await Promise.all(storm);
  const expected = [...ids].sort((a, b) => a - b);
  for (const result of results) expect([...result.ids].sort((a, b) => a - b)).toEqual(expected);
  // The line held: some dashboards were told to come back, and every one of them did.
  expect(results.filter((r) => r.turnedAway > 0).length).toBeGreaterThan(0);
}, 120_000);
