import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ErrorBody, pollJobId, type SourceDto, type SourcePreview } from '@barometer/core';
import { listAudit, saveTrustProfile } from '@barometer/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;
let feedServer: Server;
let feedUrl: string;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Riverside Gazette</title>
<item><guid>1</guid><title>Riverside Hospital opens new ward</title><description>Good news for Riverside Hospital.</description></item>
<item><guid>2</guid><title>Council budget</title><description>The council met on Tuesday.</description></item>
<item><guid>3</guid><title>Parking at Riverside Hospital</title><description>Fees rise in May.</description></item>
</channel></rss>`;

beforeAll(async () => {
  env = await createApiTestEnv('sources_admin', { ALLOW_PRIVATE_FEEDS: 'true' });
  await saveTrustProfile(env.database.pool, {
    name: 'Riverside Hospital NHS Trust',
    aliases: ['Riverside Hospital'],
    handles: [],
    hashtags: [],
    sites: [],
    taxonomy: {},
  });
  feedServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(FEED);
  });
  await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', () => r()));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
});

afterAll(async () => {
  await new Promise((r) => feedServer?.close(r));
  await env?.cleanup();
});

describe('adding a source', () => {
  test('first shows what it would bring: title, item count, the first items and how many mention the trust', async () => {
    const response = await env.inject({
      method: 'POST',
      url: '/api/sources/preview',
      payload: { url: feedUrl },
    });
    expect(response.statusCode).toBe(200);
    const preview = response.json<SourcePreview>();
    expect(preview).toMatchObject({ title: 'Riverside Gazette', itemCount: 3, mentioningTrust: 2 });
    expect(preview.sample.map((s) => s.mentionsTrust)).toEqual([true, false, true]);
    expect(await listAudit(env.database.pool, { action: 'source.created', limit: 5 })).toHaveLength(
      0,
    );
  });

  test('refuses an address already added, however it is spelled', async () => {
    const first = await env.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { name: 'Gazette', url: feedUrl },
    });
    expect(first.statusCode).toBe(201);
    const again = await env.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { name: 'Gazette again', url: `${feedUrl.replace('http://', 'HTTP://')}/#latest` },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.fields?.url).toMatch(/already added as "Gazette"/);
  });

  test('refuses a preset address whose placeholder was left unfilled, and an empty name, in words for people', async () => {
    const response = await env.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { name: '', url: 'https://www.youtube.com/feeds/videos.xml?channel_id=CHANNEL_ID' },
    });
    expect(response.statusCode).toBe(400);
    const { fields } = response.json<ErrorBody>().error;
    expect(fields?.name).toBe('Give the source a name');
    expect(fields?.url).toMatch(/Replace the capitalised placeholder/);
  });
});

describe('an existing source', () => {
  test('"Poll now" queues its poll at once under the one id the scheduler uses', async () => {
    const response = await env.inject({ method: 'POST', url: `/api/sources/${env.sourceId}/poll` });
    expect(response.statusCode).toBe(202);
    const job = await env.queues.poll.getJob(pollJobId(env.sourceId));
    expect(job?.data).toEqual({ sourceId: env.sourceId });
  });

  test('can be renamed and re-timed, and the change is audited with before and after', async () => {
    const created = (
      await env.inject({
        method: 'POST',
        url: '/api/sources',
        payload: { name: 'Old name', url: `${feedUrl}?v=2` },
      })
    ).json<SourceDto>();
    const response = await env.inject({
      method: 'PATCH',
      url: `/api/sources/${created.id}`,
      payload: { name: 'New name', pollIntervalSeconds: 900 },
    });
    expect(response.json<SourceDto>()).toMatchObject({
      name: 'New name',
      pollIntervalSeconds: 900,
    });
    const [entry] = await listAudit(env.database.pool, { action: 'source.updated', limit: 1 });
    expect(entry).toMatchObject({
      before: { name: 'Old name', pollIntervalSeconds: 300 },
      after: { name: 'New name', pollIntervalSeconds: 900 },
    });
  });

  test('is deleted with its mentions only once the person confirms how many mentions go', async () => {
    const ids = await env.ingest(['one', 'two']);
    expect(ids).toHaveLength(2);
    const count = (
      await env.inject({ method: 'GET', url: `/api/sources/${env.sourceId}/deletion` })
    ).json<{ mentions: number }>();
    expect(count.mentions).toBeGreaterThanOrEqual(2);
    const stale = await env.inject({
      method: 'DELETE',
      url: `/api/sources/${env.sourceId}?confirmMentions=${count.mentions - 1}`,
    });
    expect(stale.statusCode).toBe(409);
    const officer = await env.signedIn(['officer']);
    const forbidden = await env.inject({
      method: 'DELETE',
      url: `/api/sources/${env.sourceId}?confirmMentions=${count.mentions}`,
      headers: { cookie: officer.cookie },
    });
    expect(forbidden.statusCode).toBe(403);
    const deleted = await env.inject({
      method: 'DELETE',
      url: `/api/sources/${env.sourceId}?confirmMentions=${count.mentions}`,
    });
    expect(deleted.statusCode).toBe(204);
    const { rows } = await env.database.pool.query(
      'select count(*)::int as n from mentions where source_id = $1',
      [env.sourceId],
    );
    expect(rows[0].n).toBe(0);
    const [entry] = await listAudit(env.database.pool, { action: 'source.deleted', limit: 1 });
    expect(entry?.before).toMatchObject({ name: 'Test feed', mentions: count.mentions });
  });
});
