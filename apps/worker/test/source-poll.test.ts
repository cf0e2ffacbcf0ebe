import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POLL_POLICY } from '@barometer/core';
import { saveTrustProfile } from '@barometer/db';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { pollSource } from '../src/jobs/source-poll.ts';
import { addFeedSource, createWorkerTestEnv, rssFeed, type WorkerTestEnv } from './helpers.ts';

let env: WorkerTestEnv;
let server: Server;
let origin: string;
type Reply = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number };
const replies = new Map<string, Reply>();
const hits = new Map<string, number>();
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  env = await createWorkerTestEnv('source-poll');
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const reply = replies.get(path) ?? { status: 404 };
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(reply.status, { 'content-type': 'application/rss+xml', ...reply.headers });
      res.end(reply.body ?? '');
    }, reply.delayMs ?? 0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await saveTrustProfile(env.database.pool, {
    name: 'Northfield General Hospital',
    aliases: ['Northfield General'],
    handles: ['@NorthfieldNHS'],
    hashtags: [],
    sites: ['northfield.nhs.uk'],
    taxonomy: {},
  });
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await env?.cleanup();
});

beforeEach(async () => {
  await env.deps.queues.ingest.obliterate({ force: true });
  maxInFlight = 0;
});

let counter = 0;
async function sourceFor(reply: Reply, options: { isQueryFeed?: boolean; interval?: number } = {}) {
  const path = `/feed-${++counter}.rss`;
  replies.set(path, reply);
  const source = await addFeedSource(env.database, {
    name: `Feed ${counter}`,
    url: `${origin}${path}`,
    isQueryFeed: options.isQueryFeed ?? true,
    pollIntervalSeconds: options.interval ?? 300,
  });
  return { id: source.id, path };
}

interface Health {
  status: string;
  consecutive_failures: number;
  last_error: string | null;
  last_error_code: string | null;
  delay_seconds: number;
}

async function health(id: number): Promise<Health> {
  const { rows } = await env.database.pool.query<Health>(
    `select status, consecutive_failures, last_error, last_error_code,
            extract(epoch from next_poll_at - now())::int as delay_seconds
       from sources where id = $1`,
    [id],
  );
  return rows[0]!;
}

async function queuedMentions(): Promise<string[]> {
  const jobs = await env.deps.queues.ingest.getJobs(['waiting', 'delayed', 'prioritized']);
  return jobs.flatMap((j) =>
    (j.data as { mentions: { externalId: string }[] }).mentions.map((m) => m.externalId),
  );
}

const poll = (id: number) => pollSource({ sourceId: id }, env.ctx, env.deps);

const items = [
  { guid: 'n-1', title: 'Praise for Northfield General', text: 'Brilliant care.' },
  { guid: 'n-2', title: 'Council news', text: 'Bins collected on Tuesday.' },
  {
    guid: 'n-3',
    title: 'Road works',
    text: 'See https://www.northfield.nhs.uk/parking for parking.',
  },
];

describe('source.poll', () => {
  test('a generic feed keeps only the items that mention the trust; a query feed keeps all', async () => {
    const generic = await sourceFor({ status: 200, body: rssFeed(items) }, { isQueryFeed: false });
    await poll(generic.id);
    expect((await queuedMentions()).sort()).toEqual(['n-1', 'n-3']);
    await env.deps.queues.ingest.obliterate({ force: true });
    const query = await sourceFor({ status: 200, body: rssFeed(items) }, { isQueryFeed: true });
    await poll(query.id);
    expect((await queuedMentions()).sort()).toEqual(['n-1', 'n-2', 'n-3']);
  });

  test('H1: success is healthy and the next poll honours max-age', async () => {
    const s = await sourceFor({
      status: 200,
      body: rssFeed(items),
      headers: { 'cache-control': 'max-age=900', etag: '"v1"' },
    });
    await poll(s.id);
    const h = await health(s.id);
    expect(h).toMatchObject({ status: 'healthy', consecutive_failures: 0, last_error: null });
    expect(h.delay_seconds).toBeGreaterThanOrEqual(895);
  });

  test('H3: an unchanged body without validators is not ingested twice', async () => {
    const s = await sourceFor({ status: 200, body: rssFeed(items) });
    await poll(s.id);
    expect(await queuedMentions()).toHaveLength(3);
    await env.deps.queues.ingest.obliterate({ force: true });
    await poll(s.id);
    expect(await queuedMentions()).toHaveLength(0);
    expect((await health(s.id)).status).toBe('healthy');
  });

  test('H6: 429 with Retry-After puts the next attempt at least that far away', async () => {
    const s = await sourceFor({ status: 429, headers: { 'retry-after': '3600' } });
    await poll(s.id);
    const h = await health(s.id);
    expect(h).toMatchObject({
      status: 'failing',
      consecutive_failures: 1,
      last_error: 'HTTP 429: rate limited',
      last_error_code: 'http-429',
    });
    expect(h.delay_seconds).toBeGreaterThanOrEqual(3595);
  });

  test('H9: 410 stops the source', async () => {
    const s = await sourceFor({ status: 410 });
    await poll(s.id);
    expect(await health(s.id)).toMatchObject({
      status: 'gone',
      last_error: 'HTTP 410: the feed is gone',
    });
  });

  test('H10: failures back off exponentially, then pause with the reason shown', async () => {
    const s = await sourceFor({ status: 404, body: 'secret detail' });
    const delays: number[] = [];
    for (let i = 0; i < POLL_POLICY.pauseAfterFailures; i++) {
      await poll(s.id);
      delays.push((await health(s.id)).delay_seconds);
    }
    const h = await health(s.id);
    expect(h).toMatchObject({
      status: 'paused',
      consecutive_failures: POLL_POLICY.pauseAfterFailures,
      last_error: `HTTP 404 (paused after ${POLL_POLICY.pauseAfterFailures} failed attempts)`,
    });
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
  });

  test('a success after failures resets the count', async () => {
    const s = await sourceFor({ status: 500 });
    await poll(s.id);
    replies.set(s.path, { status: 200, body: rssFeed(items) });
    await poll(s.id);
    expect(await health(s.id)).toMatchObject({
      status: 'healthy',
      consecutive_failures: 0,
      last_error: null,
    });
  });

  test('two sources on the same host are never fetched at the same time', async () => {
    const a = await sourceFor({ status: 200, body: rssFeed(items), delayMs: 200 });
    const b = await sourceFor({ status: 200, body: rssFeed(items), delayMs: 200 });
    const c = await sourceFor({ status: 200, body: rssFeed(items), delayMs: 200 });
    await Promise.all([poll(a.id), poll(b.id), poll(c.id)]);
    expect(maxInFlight).toBe(1);
    expect([a.path, b.path, c.path].map((p) => hits.get(p))).toEqual([1, 1, 1]);
  });

  test('a refused private address is recorded in plain words', async () => {
    const s = await sourceFor({ status: 200, body: rssFeed(items) });
    await pollSource({ sourceId: s.id }, env.ctx, {
      ...env.deps,
      config: { ...env.config, ALLOW_PRIVATE_FEEDS: false },
    });
    expect(await health(s.id)).toMatchObject({
      status: 'failing',
      last_error: 'refused: private address',
    });
    expect(hits.get(s.path)).toBeUndefined();
  });
});
