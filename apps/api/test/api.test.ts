import type { ErrorBody, MentionPage, SourceDto, SourcePreset } from '@barometer/core';
import { saveTrustProfile } from '@barometer/db';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('api');
});

afterAll(async () => {
  await env?.cleanup();
});

test('health answers without touching the stores and ready reports both stores', async () => {
  const health = await env.inject({ method: 'GET', url: '/api/health' });
  expect(health.statusCode).toBe(200);
  const ready = await env.inject({ method: 'GET', url: '/api/ready' });
  expect(ready.statusCode).toBe(200);
  expect(ready.json()).toEqual({ status: 'ready', postgres: 'ok', redis: 'ok' });
});

test('mentions are listed newest first with a cursor that walks every page once', async () => {
  const ids = await env.ingest([
    'Thank you Northfield General, wonderful nurses',
    'Terrible wait, awful experience at Northfield A&E',
    'Does the Northfield car park take cards?',
    'Great care on Bluebell Ward, lovely midwives',
    'Northfield General cancelled my operation again, disgraceful',
  ]);
  const seen: number[] = [];
  let cursor: number | null = null;
  do {
    const response: { statusCode: number; json<T>(): T } = await env.inject({
      method: 'GET',
      url: `/api/mentions?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(response.statusCode).toBe(200);
    const page: MentionPage = response.json<MentionPage>();
    expect(page.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.items.map((m) => m.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  expect(seen).toEqual([...ids].sort((a, b) => b - a));
});

test('mentions filter by sentiment label and by source', async () => {
  const negative = await env.inject({ method: 'GET', url: '/api/mentions?label=negative' });
  const items = negative.json<MentionPage>().items;
  expect(items.length).toBeGreaterThan(0);
  expect(items.every((m) => m.sentimentLabel === 'negative')).toBe(true);
  const otherSource = await env.inject({
    method: 'GET',
    url: `/api/mentions?sourceId=${env.sourceId + 999}`,
  });
  expect(otherSource.json<MentionPage>().items).toEqual([]);
});

test('one mention is shown with its source, and an unknown one is a 404 in the error shape', async () => {
  const [id] = await env.ingest(['Northfield General maternity was brilliant']);
  const found = await env.inject({ method: 'GET', url: `/api/mentions/${id}` });
  expect(found.statusCode).toBe(200);
  expect(found.json()).toMatchObject({ id, sourceName: 'Test feed', sourceKind: 'rss' });
  const missing = await env.inject({ method: 'GET', url: '/api/mentions/999999' });
  expect(missing.statusCode).toBe(404);
  expect(missing.json<ErrorBody>().error.code).toBe('not_found');
});

test.each([
  ['/api/mentions?limit=0', 'limit'],
  ['/api/mentions?limit=abc', 'limit'],
  ['/api/mentions?label=angry', 'label'],
  ['/api/mentions?cursor=-4', 'cursor'],
  ['/api/mentions/abc', 'id'],
])('GET %s is refused with a 400 naming %s', async (url, field) => {
  const response = await env.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(400);
  const body = response.json<ErrorBody>();
  expect(body.error.code).toBe('validation_error');
  expect(body.error.message).toContain(field);
});

test('each source counts its own mentions of the last 24 hours', async () => {
  const { rows } = await env.database.pool.query<{ n: number }>(
    "select count(*)::int as n from mentions where source_id = $1 and fetched_at > now() - interval '24 hours'",
    [env.sourceId],
  );
  expect(rows[0]?.n).toBeGreaterThan(2);
  const list = await env.inject({ method: 'GET', url: '/api/sources' });
  const source = list.json<{ items: SourceDto[] }>().items.find((s) => s.id === env.sourceId);
  expect(source?.mentionsLast24h).toBe(rows[0]?.n);
  const one = await env.inject({ method: 'GET', url: `/api/sources/${env.sourceId}` });
  expect(one.json<SourceDto>().mentionsLast24h).toBe(rows[0]?.n);
});

test('a source is created, listed with its health, and updated', async () => {
  const created = await env.inject({
    method: 'POST',
    url: '/api/sources',
    payload: { name: 'Northfield Gazette', url: 'https://gazette.example/feed.xml' },
  });
  expect(created.statusCode).toBe(201);
  const source = created.json<SourceDto>();
  expect(source).toMatchObject({
    status: 'pending',
    enabled: true,
    isQueryFeed: false,
    pollIntervalSeconds: 300,
  });
  const list = await env.inject({ method: 'GET', url: '/api/sources' });
  expect(list.json<{ items: SourceDto[] }>().items.map((s) => s.name)).toContain(
    'Northfield Gazette',
  );
  const patched = await env.inject({
    method: 'PATCH',
    url: `/api/sources/${source.id}`,
    payload: { enabled: false, pollIntervalSeconds: 600 },
  });
  expect(patched.statusCode).toBe(200);
  expect(patched.json<SourceDto>()).toMatchObject({ enabled: false, pollIntervalSeconds: 600 });
});

test.each([
  [{ name: 'x', url: 'ftp://gazette.example/feed' }, 'url'],
  [{ name: 'x', url: 'javascript:alert(1)' }, 'url'],
  [{ name: '', url: 'https://gazette.example/feed' }, 'name'],
  [{ url: 'https://gazette.example/feed' }, 'name'],
  [
    { name: 'x', url: 'https://gazette.example/feed', pollIntervalSeconds: 5 },
    'pollIntervalSeconds',
  ],
])('POST /api/sources with %j is refused naming %s', async (payload, field) => {
  const response = await env.inject({ method: 'POST', url: '/api/sources', payload });
  expect(response.statusCode).toBe(400);
  expect(response.json<ErrorBody>().error.message).toContain(field);
});

test.each([
  'http://127.0.0.1/feed.xml',
  'http://[::ffff:127.0.0.1]/feed.xml',
  'http://2130706433/feed.xml',
  'http://0x7f.1/feed.xml',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.1.2.3/intranet.rss',
])('a source at %s is refused before it is saved (private address)', async (url) => {
  const before = await env.database.pool.query<{ n: number }>(
    'select count(*)::int as n from sources',
  );
  const response = await env.inject({
    method: 'POST',
    url: '/api/sources',
    payload: { name: 'Sneaky', url },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json<ErrorBody>().error).toMatchObject({ code: 'private-address' });
  const after = await env.database.pool.query<{ n: number }>(
    'select count(*)::int as n from sources',
  );
  expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
});

test('changing a source URL to a private address is refused and leaves the source as it was', async () => {
  const response = await env.inject({
    method: 'PATCH',
    url: `/api/sources/${env.sourceId}`,
    payload: { url: 'http://192.168.0.10/feed' },
  });
  expect(response.statusCode).toBe(400);
  const source = await env.inject({ method: 'GET', url: `/api/sources/${env.sourceId}` });
  expect(source.json<SourceDto>().url).toBe('https://news.example/feed.rss');
});

test('malformed JSON and unknown fields get clear 4xx errors, and nothing changes', async () => {
  const before = (await env.inject({ method: 'GET', url: '/api/sources' })).json<{
    items: SourceDto[];
  }>();
  const badJson = await env.inject({
    method: 'POST',
    url: '/api/sources',
    headers: { 'content-type': 'application/json' },
    payload: '{"name": "x", "url": ',
  });
  expect(badJson.statusCode).toBe(400);
  expect(badJson.json<ErrorBody>().error.message).toMatch(/json/i);
  const unknownField = await env.inject({
    method: 'PATCH',
    url: `/api/sources/${env.sourceId}`,
    payload: { status: 'healthy' },
  });
  expect(unknownField.statusCode).toBe(400);
  const emptyPatch = await env.inject({
    method: 'PATCH',
    url: `/api/sources/${env.sourceId}`,
    payload: {},
  });
  expect(emptyPatch.statusCode).toBe(400);
  const missing = await env.inject({
    method: 'PATCH',
    url: '/api/sources/424242',
    payload: { enabled: true },
  });
  expect(missing.statusCode).toBe(404);
  const after = (await env.inject({ method: 'GET', url: '/api/sources' })).json<{
    items: SourceDto[];
  }>();
  expect(after.items).toEqual(before.items);
});

test('poll now makes a source due at once and resumes a paused one', async () => {
  await env.database.pool.query(
    "update sources set status = 'paused', next_poll_at = now() + interval '1 day' where id = $1",
    [env.sourceId],
  );
  const response = await env.inject({
    method: 'POST',
    url: `/api/sources/${env.sourceId}/poll`,
  });
  expect(response.statusCode).toBe(202);
  const source = response.json<SourceDto>();
  expect(source.status).toBe('pending');
  expect(Date.parse(source.nextPollAt ?? '')).toBeLessThanOrEqual(Date.now());
  const missing = await env.inject({ method: 'POST', url: '/api/sources/424242/poll' });
  expect(missing.statusCode).toBe(404);
});

test('presets are built from the trust profile, and absent without one', async () => {
  const none = await env.inject({ method: 'GET', url: '/api/sources/presets' });
  expect(none.json()).toEqual({ items: [] });
  await saveTrustProfile(env.database.pool, {
    name: 'Northfield and District NHS Foundation Trust',
    aliases: ['Northfield General Hospital'],
    handles: ['@northfieldnhs.bsky.social'],
    hashtags: ['#NorthfieldGeneral'],
    sites: ['northfield-nhs.example'],
    taxonomy: {},
  });
  const response = await env.inject({ method: 'GET', url: '/api/sources/presets' });
  const items = response.json<{ items: SourcePreset[] }>().items;
  expect(items.map((p) => p.id)).toEqual(expect.arrayContaining(['google-news', 'reddit-search']));
  const news = items.find((p) => p.id === 'google-news');
  expect(decodeURIComponent(news?.url ?? '')).toContain('"Northfield General Hospital"');
  expect(items.every((p) => /^https:\/\//.test(p.url))).toBe(true);
});

test('an unknown API route is a JSON 404', async () => {
  const response = await env.inject({ method: 'GET', url: '/api/nothing-here' });
  expect(response.statusCode).toBe(404);
  expect(response.json<ErrorBody>().error.code).toBe('not_found');
});
