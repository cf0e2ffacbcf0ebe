import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DiscoveredFeed, ErrorBody } from '@barometer/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;
let server: Server;
let base: string;

const page = `<!doctype html><html><head><title>Northfield Gazette</title>
<link rel="alternate" type="application/rss+xml" title="Gazette news" href="/news/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Health desk" href="https://gazette.example/health.atom">
</head><body>News</body></html>`;

beforeAll(async () => {
  // Discovery fetches a page on loopback, so this API instance allows private feed addresses.
  env = await createApiTestEnv('discover', { ALLOW_PRIVATE_FEEDS: 'true' });
  server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await env?.cleanup();
});

test('feeds advertised by a web page are found, with absolute URLs and titles', async () => {
  const response = await env.inject({
    method: 'POST',
    url: '/api/sources/discover',
    payload: { url: `${base}/` },
  });
  expect(response.statusCode).toBe(200);
  const items = response.json<{ items: DiscoveredFeed[] }>().items;
  expect(items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ url: `${base}/news/feed.xml`, title: 'Gazette news' }),
      expect.objectContaining({ url: 'https://gazette.example/health.atom', title: 'Health desk' }),
    ]),
  );
});

test('a page that cannot be fetched is a 422 in plain words', async () => {
  const response = await env.inject({
    method: 'POST',
    url: '/api/sources/discover',
    payload: { url: `${base}/missing` },
  });
  expect(response.statusCode).toBe(422);
  expect(response.json<ErrorBody>().error.message).toMatch(
    /could not look for feeds on that page: .*404/i,
  );
});
