import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ConnectorError } from '@barometer/http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollFeed } from '../src/poll-feed.ts';
import type { FeedPollResult, HttpPolicy } from '../src/types.ts';
import { ATOM, HTML_PAGE, JSON_FEED, RDF, rss, rssItem, SIMPLE_RSS } from './support/feeds.ts';
import { connectorError, NO_VALIDATORS } from './support/poll.ts';
import { send, startTestServer, type TestServer } from './support/test-server.ts';

// reliability.md §4.2 X1-X9 served by a real hostile server on loopback.
let hostile: TestServer;
let canary: TestServer;
const policy: HttpPolicy = {
  allowPrivate: false,
  allowedCidrs: ['127.0.0.2/32'],
  maxBodyBytes: 2 * 1024 * 1024,
  timeouts: { headersMs: 1500, bodyIdleMs: 1000, totalMs: 6000 },
};
const poll = (path: string) => pollFeed(hostile.url(path), NO_VALIDATORS, policy);

beforeAll(async () => {
  hostile = await startTestServer('127.0.0.2');
  canary = await startTestServer('127.0.0.1');
  hostile.route('/normal', send(SIMPLE_RSS));
});
afterAll(async () => {
  await hostile.close();
  await canary.close();
});

function outputSize(result: FeedPollResult): number {
  if (result.status !== 'ok') return 0;
  return result.feed.items.reduce(
    (n, i) => n + i.text.length + (i.html?.length ?? 0) + (i.title?.length ?? 0),
    0,
  );
}

describe('XML attacks over HTTP', () => {
  test('X1: billion laughs is inert, and the next feed processes normally', async () => {
    const defs = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('');
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${defs}]><rss><channel><item><guid>1</guid><title>&lol9;</title></item></channel></rss>`;
    hostile.route('/x1', send(body));
    const result = await poll('/x1');
    expect(outputSize(result)).toBeLessThan(body.length);
    expect((await poll('/normal')).status).toBe('ok');
  });

  test('X2: a quadratic entity and a numeric-reference flood give bounded output', async () => {
    const quadratic = `<!DOCTYPE rss [<!ENTITY e "${'x'.repeat(5000)}">]><rss><channel><item><guid>1</guid><description>${'&e;'.repeat(200)}</description></item></channel></rss>`;
    const flood = `<rss><channel><item><guid>1</guid><description>${'&#65;'.repeat(300_000)}</description></item></channel></rss>`;
    hostile.route('/x2a', send(quadratic));
    hostile.route('/x2b', send(flood));
    expect(outputSize(await poll('/x2a'))).toBeLessThanOrEqual(3 * quadratic.length);
    expect(outputSize(await poll('/x2b'))).toBeLessThanOrEqual(flood.length);
  });

  test('X3: external entities pointing at files or internal URLs are never fetched', async () => {
    const body = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a SYSTEM "file:///etc/passwd"><!ENTITY b SYSTEM "${canary.url('/x')}">]><rss><channel><item><guid>1</guid><description>&a;&b;</description></item></channel></rss>`;
    hostile.route('/x3', send(body));
    const result = await poll('/x3');
    expect(result.status === 'ok' && result.feed.items[0]!.text).toBe('&a;&b;');
    expect(canary.connections).toBe(0);
  });

  test('X4: a huge body, with or without Content-Length, is cut at the cap', async () => {
    const huge = Buffer.alloc(3 * 1024 * 1024, 0x20);
    hostile.route('/x4a', send(huge));
    hostile.route('/x4b', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(huge.subarray(0, 1024 * 1024));
      res.write(huge.subarray(0, 1024 * 1024));
      res.end(huge.subarray(0, 1024 * 1024));
    });
    expect((await connectorError(poll('/x4a'))).code).toBe('too-large');
    expect((await connectorError(poll('/x4b'))).code).toBe('too-large');
  });

  test('X5: gzip and br compression bombs stop at the decoded cap', async () => {
    const zeros = Buffer.alloc(32 * 1024 * 1024);
    hostile.route('/x5gz', send(gzipSync(zeros, { level: 9 }), { 'content-encoding': 'gzip' }));
    hostile.route(
      '/x5br',
      send(brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), {
        'content-encoding': 'br',
      }),
    );
    expect((await connectorError(poll('/x5gz'))).code).toBe('too-large');
    expect((await connectorError(poll('/x5br'))).code).toBe('too-large');
  });

  test('X6: 100,000 nested elements are parsed without a crash', async () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    hostile.route(
      '/x6',
      send(rss(`<item><guid>1</guid><description>${deep}</description></item>`)),
    );
    const result = await poll('/x6');
    expect(result.status === 'ok' && result.feed.items).toHaveLength(1);
  });

  test('X7: a server that never sends headers fails at the deadline', async () => {
    hostile.route('/x7', () => {});
    expect((await connectorError(poll('/x7'))).code).toBe('timeout');
  });
});

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function mutate(seed: number): { body: Buffer; headers: Record<string, string> } {
  const random = prng(seed);
  const seeds = [SIMPLE_RSS, ATOM, RDF, JSON_FEED, rss(rssItem(seed) + rssItem(seed + 1))];
  let doc = seeds[Math.floor(random() * seeds.length)]!;
  const pick = Math.floor(random() * 8);
  const at = Math.floor(random() * doc.length);
  const headers: Record<string, string> = { 'content-type': 'application/xml' };
  if (pick === 0) doc = doc.slice(0, at);
  else if (pick === 1) doc = doc.replace(/<\/\w+>/g, (m) => (random() < 0.3 ? '' : m));
  else if (pick === 2) doc = HTML_PAGE;
  else if (pick === 3) doc = '';
  else if (pick === 4) headers['content-type'] = 'text/xml; charset=utf-16';
  else if (pick === 5) return { body: Buffer.from(doc.replace(/o/g, 'ö'), 'latin1'), headers };
  const body = Buffer.from(doc, 'utf8');
  if (pick === 6)
    for (let i = 0; i < 20; i++)
      body[Math.floor(random() * body.length)] = Math.floor(random() * 256);
  return { body, headers };
}

describe('X9: a thousand malformed feeds', () => {
  test('every one ends with a result or a clear error, and nothing crashes', async () => {
    for (let i = 0; i < 1000; i++) {
      const { body, headers } = mutate(i);
      hostile.route(`/m${i}`, send(body, headers));
    }
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    let cursor = 0;
    const worker = async () => {
      while (cursor < 1000) {
        const i = cursor++;
        try {
          const result = await poll(`/m${i}`);
          count(result.status);
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError);
          count((error as ConnectorError).code);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(1000);
    expect(outcomes.get('ok')).toBeGreaterThan(300);
    expect([...outcomes.keys()].sort()).toEqual(
      expect.arrayContaining(['empty-body', 'not-a-feed', 'ok']),
    );
  });
});
