import { brotliCompressSync, gzipSync } from 'node:zlib';
import { delayAfterSuccess, outcomeAfterFailure } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollFeed } from '../src/poll-feed.ts';
import type { HttpPolicy } from '../src/types.ts';
import { HTML_PAGE, SIMPLE_RSS } from './support/feeds.ts';
import { connectorError, NO_VALIDATORS } from './support/poll.ts';
import { send, startTestServer, type TestServer } from './support/test-server.ts';

// Generic HTTP behaviours every feed connector must show (sources.md §5.1, H1-H22).
let server: TestServer;
const policy: HttpPolicy = {
  allowPrivate: true,
  timeouts: { connectMs: 2000, headersMs: 1500, bodyIdleMs: 1000, totalMs: 6000 },
};
const poll = (path: string, previous = NO_VALIDATORS, p: HttpPolicy = policy) =>
  pollFeed(server.url(path), previous, p);
const rssHeaders = { 'content-type': 'application/rss+xml; charset=utf-8' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('conditional GET and caching', () => {
  test('H1: validators are stored and max-age pushes the next check to at least 15 minutes', async () => {
    server.route(
      '/h1',
      send(SIMPLE_RSS, {
        ...rssHeaders,
        etag: 'W/"v1"',
        'last-modified': 'Tue, 01 Sep 2026 10:00:00 GMT',
        'cache-control': 'max-age=900',
      }),
    );
    const result = await poll('/h1');
    expect(result.status).toBe('ok');
    expect(result.validators).toMatchObject({
      etag: 'W/"v1"',
      lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT',
    });
    expect(result.cache.maxAgeSeconds).toBe(900);
    expect(delayAfterSuccess(300, result.cache)).toBeGreaterThanOrEqual(900);
  });

  test('H2: a 304 is not parsed; the validators are sent and Last-Modified is updated', async () => {
    server.route('/h2', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since']) {
        res.writeHead(304, { 'last-modified': 'Wed, 02 Sep 2026 10:00:00 GMT' });
        res.end();
      } else send(SIMPLE_RSS, { ...rssHeaders, etag: '"v1"' })(req, res);
    });
    const first = await poll('/h2');
    const second = await poll('/h2', first.validators);
    expect(second).toEqual({
      status: 'not-modified',
      validators: {
        etag: '"v1"',
        lastModified: 'Wed, 02 Sep 2026 10:00:00 GMT',
        contentHash: first.validators.contentHash,
      },
      cache: { retryAfterSeconds: null, maxAgeSeconds: null },
    });
    const sent = server.requests.filter((r) => r.url === '/h2').at(-1)!;
    expect(sent.headers['if-none-match']).toBe('"v1"');
  });

  test('H3: with no validators, an unchanged body is recognised by its hash', async () => {
    server.route(
      '/h3',
      send(SIMPLE_RSS, {
        'content-type': 'application/atom+xml',
        'cache-control': 'private, max-age=3600',
      }),
    );
    const first = await poll('/h3');
    expect(first.status).toBe('ok');
    const second = await poll('/h3', first.validators);
    expect(second.status).toBe('not-modified');
  });

  test('H4: "Expires: 0" means the validators are not stored', async () => {
    server.route('/h4', send(SIMPLE_RSS, { ...rssHeaders, etag: '"v1"', expires: '0' }));
    const result = await poll('/h4');
    expect(result.validators).toMatchObject({ etag: null, lastModified: null });
    expect(result.validators.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('H5: a new ETag on an identical body gives nothing new', async () => {
    let version = 1;
    server.route('/h5', (req, res) =>
      send(SIMPLE_RSS, { ...rssHeaders, etag: `"v${version++}"` })(req, res),
    );
    const first = await poll('/h5');
    const second = await poll('/h5', first.validators);
    expect(second.status).toBe('not-modified');
    expect(second.validators.etag).toBe('"v2"');
  });
});

describe('errors and rate limits', () => {
  test('an exhausted Reddit-style rate budget on a 200 delays the next poll until the reset', async () => {
    server.route(
      '/reddit',
      send(SIMPLE_RSS, {
        'content-type': 'application/atom+xml',
        'x-ratelimit-remaining': '0.0',
        'x-ratelimit-reset': '42',
        'cache-control': 'private, max-age=3600',
      }),
    );
    const result = await poll('/reddit');
    expect(result.cache).toEqual({ retryAfterSeconds: 42, maxAgeSeconds: 3600 });
  });

  test('H6: 429 with Retry-After seconds puts the next attempt at least that far away', async () => {
    server.route('/h6', send('slow down', { 'retry-after': '120' }, 429));
    const error = await connectorError(poll('/h6'));
    expect(error).toMatchObject({ code: 'http-429', retryAfterSeconds: 120, permanent: false });
    const next = outcomeAfterFailure({
      intervalSeconds: 60,
      previousFailures: 0,
      permanent: false,
      retryAfterSeconds: error.retryAfterSeconds,
      now: new Date(),
      random: 0,
    });
    expect(next.delaySeconds).toBeGreaterThanOrEqual(120);
  });

  test('H7: 429 with an HTTP-date Retry-After', async () => {
    const at = new Date(Date.now() + 600_000).toUTCString();
    server.route('/h7', send('slow down', { 'retry-after': at }, 429));
    const error = await connectorError(poll('/h7'));
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(590);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(600);
  });

  test('H8: 503 with Retry-After backs off and keeps the feed', async () => {
    server.route('/h8', send('maintenance', { 'retry-after': '60' }, 503));
    const error = await connectorError(poll('/h8'));
    expect(error).toMatchObject({ code: 'http-503', retryAfterSeconds: 60, permanent: false });
  });

  test('H9: 410 Gone is permanent', async () => {
    server.route('/h9', send('gone', {}, 410));
    const error = await connectorError(poll('/h9'));
    expect(error).toMatchObject({ code: 'http-410', permanent: true });
    expect(error.message).toBe('HTTP 410: the feed is gone');
  });

  test.each([404, 401, 403, 500])(
    'H10: %i is a plain-words error without the body',
    async (status) => {
      server.route(
        `/h10-${status}`,
        send('internal secret stack trace at 10.0.0.7', { 'content-type': 'text/plain' }, status),
      );
      const error = await connectorError(poll(`/h10-${status}`));
      expect(error.code).toBe(`http-${status}`);
      expect(error.message).toBe(`HTTP ${status}`);
    },
  );

  test('H11: a Cloudflare challenge is "blocked", not a parse error', async () => {
    server.route(
      '/h11',
      send(
        '<html>Just a moment...</html>',
        { 'content-type': 'text/html', 'cf-mitigated': 'challenge' },
        403,
      ),
    );
    const error = await connectorError(poll('/h11'));
    expect(error.code).toBe('blocked-challenge');
  });

  test('H12: an HTML page instead of a feed is "not a feed", never zero items', async () => {
    server.route('/h12', send(HTML_PAGE, { 'content-type': 'text/html' }));
    const error = await connectorError(poll('/h12'));
    expect(error.code).toBe('not-a-feed');
  });
});

describe('redirects', () => {
  test('H13: 301 -> 302 -> 307 -> 308 -> 200, with a relative Location, records the final URL', async () => {
    server.route('/r1', send('', { location: `${server.origin}/r2` }, 301));
    server.route('/r2', send('', { location: '/r3' }, 302));
    server.route('/r3', send('', { location: 'r4' }, 307));
    server.route('/r4', send('', { location: '/final' }, 308));
    server.route('/final', send(SIMPLE_RSS, rssHeaders));
    const result = await poll('/r1');
    expect(result.status === 'ok' && result.finalUrl).toBe(server.url('/final'));
  });

  test('H14: a redirect loop, or more than 5 hops, is "too many redirects"', async () => {
    server.route('/loop-a', send('', { location: '/loop-b' }, 302));
    server.route('/loop-b', send('', { location: '/loop-a' }, 302));
    expect((await connectorError(poll('/loop-a'))).code).toBe('too-many-redirects');
    for (let i = 0; i < 6; i++)
      server.route(`/hop${i}`, send('', { location: `/hop${i + 1}` }, 302));
    server.route('/hop6', send(SIMPLE_RSS, rssHeaders));
    expect((await connectorError(poll('/hop0'))).code).toBe('too-many-redirects');
    expect((await poll('/hop1')).status).toBe('ok');
  });

  test('H15: a redirect to the cloud metadata address is refused', async () => {
    server.route('/h15', send('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302));
    const error = await connectorError(
      poll('/h15', NO_VALIDATORS, {
        ...policy,
        allowPrivate: false,
        allowedCidrs: ['127.0.0.1/32'],
      }),
    );
    expect(error.code).toBe('private-address');
  });

  test.each(['file:///etc/passwd', 'ftp://ftp.example/feed', 'gopher://x/'])(
    'H16: a redirect to %s is refused',
    async (location) => {
      server.route('/h16', send('', { location }, 302));
      expect((await connectorError(poll('/h16'))).code).toBe('redirect-refused');
    },
  );
});

describe('time and size limits', () => {
  test('H17: headers that never come time out', async () => {
    server.route('/h17', () => {});
    expect((await connectorError(poll('/h17'))).code).toBe('timeout');
  });

  test('H18: a body trickling one byte at a time hits the idle timeout', async () => {
    server.route('/h18', (_req, res) => {
      res.writeHead(200, rssHeaders);
      res.write('<');
    });
    expect((await connectorError(poll('/h18'))).code).toBe('timeout');
  });

  test('H18: a body that keeps trickling just fast enough hits the total deadline', async () => {
    server.route('/h18b', (_req, res) => {
      res.writeHead(200, rssHeaders);
      const timer = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(timer));
    });
    const error = await connectorError(
      poll('/h18b', NO_VALIDATORS, { ...policy, timeouts: { ...policy.timeouts, totalMs: 600 } }),
    );
    expect(error.code).toBe('timeout');
  });

  test('H19: an endless chunked body stops at the cap', async () => {
    server.route('/h19', (_req, res) => {
      res.writeHead(200, rssHeaders);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (res.write(chunk)) {}
      };
      res.on('drain', pump);
      pump();
    });
    const error = await connectorError(
      poll('/h19', NO_VALIDATORS, { ...policy, maxBodyBytes: 1024 * 1024 }),
    );
    expect(error.code).toBe('too-large');
  });

  test('H19: a declared Content-Length over the cap is refused before reading', async () => {
    server.route('/h19b', (_req, res) => {
      res.writeHead(200, { ...rssHeaders, 'content-length': String(50 * 1024 * 1024) });
      res.write('<rss>');
    });
    expect((await connectorError(poll('/h19b'))).code).toBe('too-large');
  });

  test('H20: gzip and br bodies are decoded', async () => {
    server.route('/gz', send(gzipSync(SIMPLE_RSS), { ...rssHeaders, 'content-encoding': 'gzip' }));
    server.route(
      '/br',
      send(brotliCompressSync(SIMPLE_RSS), { ...rssHeaders, 'content-encoding': 'br' }),
    );
    for (const path of ['/gz', '/br']) {
      const result = await poll(path);
      expect(result.status === 'ok' && result.feed.items.length).toBe(3);
    }
    expect(server.requests.at(-1)!.headers['accept-encoding']).toContain('br');
  });

  test('H20: a gzip bomb stops at the decoded-size cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    server.route('/bomb', send(bomb, { ...rssHeaders, 'content-encoding': 'gzip' }));
    expect((await connectorError(poll('/bomb'))).code).toBe('too-large');
  });

  test('H20: a corrupt gzip body is reported as such', async () => {
    server.route(
      '/corrupt',
      send(Buffer.from('this is not gzip at all'), { ...rssHeaders, 'content-encoding': 'gzip' }),
    );
    expect((await connectorError(poll('/corrupt'))).code).toBe('bad-encoding');
  });

  test('H21: an empty body, with Content-Length 0 or chunked, is "empty"', async () => {
    server.route('/empty', send('', { ...rssHeaders, 'content-length': '0' }));
    server.route('/empty-chunked', (_req, res) => {
      res.writeHead(200, rssHeaders);
      res.end();
    });
    expect((await connectorError(poll('/empty'))).code).toBe('empty-body');
    expect((await connectorError(poll('/empty-chunked'))).code).toBe('empty-body');
  });

  test.each(['text/plain', 'application/octet-stream'])(
    'H22: a feed served as %s is sniffed and parsed',
    async (type) => {
      server.route('/h22', send(SIMPLE_RSS, { 'content-type': type }));
      const result = await poll('/h22');
      expect(result.status === 'ok' && result.feed.format).toBe('rss');
    },
  );

  test('every request carries a clear User-Agent and asks for feeds', async () => {
    server.route('/ua', send(SIMPLE_RSS, rssHeaders));
    await poll('/ua');
    const sent = server.requests.at(-1)!;
    expect(sent.headers['user-agent']).toMatch(/^Barometer\//);
    expect(sent.headers.accept).toContain('application/rss+xml');
  });
});
