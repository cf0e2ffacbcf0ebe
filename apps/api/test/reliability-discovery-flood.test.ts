import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

// A discovery flood: many people (or one script) pasting slow, huge pages at once.
const FLOOD = 30;
const MAX_CONCURRENT = 3;

let env: ApiTestEnv;
let base: string;
let pageBase: string;
let inFlight = 0;
let peak = 0;
const held: ServerResponse[] = [];
const page =
  '<html><head><link rel="alternate" type="application/rss+xml" href="/f.xml"></head></html>';
const pages = createServer((req, res) => {
  if (req.url === '/huge') {
    // 5 MiB of HTML: well past the discovery cap.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<html><head>${'<meta name="x" content="y">'.repeat(200_000)}</head></html>`);
    return;
  }
  inFlight++;
  peak = Math.max(peak, inFlight);
  res.on('close', () => inFlight--);
  // Held until the test lets go: each admitted discovery stays in flight.
  held.push(res);
});

beforeAll(async () => {
  env = await createApiTestEnv('rel_discover', {
    ALLOW_PRIVATE_FEEDS: 'true',
    DISCOVERY_MAX_CONCURRENT: String(MAX_CONCURRENT),
    DISCOVERY_PER_CLIENT_PER_MINUTE: '1000',
  });
  base = await env.app.listen({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
  pageBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((r) => pages.close(r));
  await env?.cleanup();
});

function discover(url: string) {
  return fetch(`${base}/api/sources/discover`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: env.cookie, origin: base },
    body: JSON.stringify({ url }),
    signal: AbortSignal.timeout(80_000),
  });
}

test('a discovery flood runs a few at a time, refuses the rest in plain words, and never starves the API', async () => {
  const flood = Array.from({ length: FLOOD }, (_, i) => discover(`${pageBase}/slow-${i}`));
  // The admitted ones are in flight at the page server (once their threads have started, a few
  // seconds on a busy machine); the others were answered at once.
  await vi.waitFor(() => expect(held.length).toBe(MAX_CONCURRENT), { timeout: 60_000 });
  const mentions = await fetch(`${base}/api/mentions`, {
    headers: { cookie: env.cookie },
    signal: AbortSignal.timeout(10_000),
  });
  expect(mentions.status).toBe(200);

  for (const res of held.splice(0)) {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  }
  const answers = await Promise.all(flood);
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_CONCURRENT);
  expect(statuses.filter((s) => s === 503)).toHaveLength(FLOOD - MAX_CONCURRENT);
  const refused = await answers.find((a) => a.status === 503)!.json();
  expect(refused).toEqual({
    error: {
      code: 'busy',
      message: 'Several feed searches are already running. Try again in a few seconds.',
    },
  });
  expect(peak).toBe(MAX_CONCURRENT);
}, 90_000);

test('a page larger than the discovery cap is refused, not read into memory', async () => {
  const res = await discover(`${pageBase}/huge`);
  expect(res.status).toBe(422);
  expect((await res.json()).error.message).toMatch(/too large/);
});
