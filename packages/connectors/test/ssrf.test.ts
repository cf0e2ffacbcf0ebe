import { assertFetchable, guardedFetch } from '@barometer/http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeed } from '../src/feed/parse-feed.ts';
import { pollFeed } from '../src/poll-feed.ts';
import type { HttpPolicy, ResolvedAddress } from '../src/types.ts';
import { rss, SIMPLE_RSS } from './support/feeds.ts';
import { connectorError, NO_VALIDATORS } from './support/poll.ts';
import {
  send,
  startTestServer,
  startTestServerOn,
  type TestServer,
} from './support/test-server.ts';

// reliability.md §4.1 S1-S9. The canary on 127.0.0.1 stands for the trust's internal services
// (Redis, an admin port): every refusal must leave its connection count at zero. A second
// server on 127.0.0.2 plays "the public internet", let through by an explicit test-only CIDR.
let canary: TestServer;
let publicServer: TestServer;
const guarded: HttpPolicy = { allowPrivate: false, timeouts: { totalMs: 10_000 } };
const asPublic: HttpPolicy = { ...guarded, allowedCidrs: ['127.0.0.2/32'] };

beforeAll(async () => {
  canary = await startTestServer('127.0.0.1');
  canary.route('/admin', send(SIMPLE_RSS));
  publicServer = await startTestServer('127.0.0.2');
});
afterAll(async () => {
  await canary.close();
  await publicServer.close();
});

function resolverFor(
  table: Record<string, string[]>,
): (host: string) => Promise<ResolvedAddress[]> {
  return async (host) =>
    (table[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

describe('refused before any connection', () => {
  test('S1: a feed URL pointing at a loopback admin port', async () => {
    const error = await connectorError(pollFeed(canary.url('/admin'), NO_VALIDATORS, guarded));
    expect(error).toMatchObject({ code: 'private-address', message: 'refused: private address' });
    expect(canary.connections).toBe(0);
  });

  test.each([
    'http://2130706433:PORT/admin',
    'http://0x7f.1:PORT/admin',
    'http://127.1:PORT/admin',
    'http://017700000001:PORT/admin',
    'http://0:PORT/admin',
    'http://0.0.0.0:PORT/admin',
    'http://[::1]:PORT/admin',
    'http://[::ffff:127.0.0.1]:PORT/admin',
    'http://[::127.0.0.1]:PORT/admin',
    'http://localhost:PORT/admin',
    'http://10.0.0.1:PORT/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
  ])('S2: %s is refused', async (template) => {
    const url = template.replace('PORT', String(canary.port));
    const error = await connectorError(pollFeed(url, NO_VALIDATORS, guarded));
    expect(error.code).toBe('private-address');
    expect(canary.connections).toBe(0);
  });

  test('S3: a hostname resolving to loopback is refused at connect time', async () => {
    const resolve = resolverFor({
      'evil.test': ['127.0.0.1'],
      'mixed.test': ['127.0.0.2', '127.0.0.1'],
    });
    for (const host of ['evil.test', 'mixed.test']) {
      const error = await connectorError(
        pollFeed(`http://${host}:${canary.port}/admin`, NO_VALIDATORS, { ...asPublic, resolve }),
      );
      expect(error.code).toBe('private-address');
    }
    expect(canary.connections).toBe(0);
  });

  test('S4: a "public" feed redirecting inside is refused and the canary sees nothing', async () => {
    publicServer.route('/to-canary', send('', { location: canary.url('/admin') }, 302));
    publicServer.route(
      '/to-metadata',
      send('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
    );
    publicServer.route(
      '/to-localhost',
      send('', { location: `http://localhost:${canary.port}/admin` }, 301),
    );
    for (const path of ['/to-canary', '/to-metadata', '/to-localhost']) {
      const error = await connectorError(pollFeed(publicServer.url(path), NO_VALIDATORS, asPublic));
      expect(error.code).toBe('private-address');
    }
    expect(canary.connections).toBe(0);
    expect(publicServer.requests.map((r) => r.url)).toEqual([
      '/to-canary',
      '/to-metadata',
      '/to-localhost',
    ]);
  });

  test('S4: a long chain stops at five hops', async () => {
    for (let i = 0; i < 10; i++)
      publicServer.route(`/chain${i}`, send('', { location: `/chain${i + 1}` }, 302));
    const error = await connectorError(
      pollFeed(publicServer.url('/chain0'), NO_VALIDATORS, asPublic),
    );
    expect(error.code).toBe('too-many-redirects');
  });

  test('S5: DNS rebinding (public, then loopback, alternately) never reaches loopback', async () => {
    // The "internal" service must share the public server's port for rebinding to matter.
    const sharedPort = publicServer.port;
    const internal = await startTestServerOn('127.0.0.1', sharedPort);
    publicServer.route('/feed', send(SIMPLE_RSS));
    let answer = 0;
    const resolve = async (): Promise<ResolvedAddress[]> => [
      { address: answer++ % 2 === 0 ? '127.0.0.2' : '127.0.0.1', family: 4 },
    ];
    let ok = 0;
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      try {
        await guardedFetch(`http://rebind.test:${sharedPort}/feed`, { ...asPublic, resolve });
        ok++;
      } catch {
        refused++;
      }
    }
    expect({ ok, refused }).toEqual({ ok: 100, refused: 100 });
    expect(internal.connections).toBe(0);
    await internal.close();
  });

  test.each([
    'file:///etc/passwd',
    'gopher://127.0.0.1:6379/_INFO',
    'ftp://ftp.example/feed.xml',
    'data:text/xml,<rss/>',
    'javascript:alert(1)',
    'http://user:pass@feeds.example/',
    'not a url',
  ])('S6: %s is refused as a URL', async (url) => {
    const error = await connectorError(pollFeed(url, NO_VALIDATORS, guarded));
    expect(error.code).toBe('bad-url');
  });

  test('S6: the local Redis port is refused like any loopback address', async () => {
    const error = await connectorError(pollFeed('http://127.0.0.1:6379/', NO_VALIDATORS, guarded));
    expect(error.code).toBe('private-address');
  });

  test('S8: images, enclosures and links to internal addresses inside items are never fetched', async () => {
    const body = rss(`<item><guid>1</guid><enclosure url="${canary.url('/enc')}" type="audio/mpeg"/>
      <description><![CDATA[<img src="${canary.url('/pixel')}"><a href="${canary.url('/x')}">x</a>]]></description></item>`);
    publicServer.route('/s8', send(body));
    const result = await pollFeed(publicServer.url('/s8'), NO_VALIDATORS, asPublic);
    const html = result.status === 'ok' ? result.feed.items[0]!.html : null;
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).toContain('data-src=');
    parseFeed(new TextEncoder().encode(body), {});
    expect(canary.connections).toBe(0);
  });
});

describe('S9: errors say what happened, never what the server said', () => {
  const open: HttpPolicy = { allowPrivate: true, timeouts: { totalMs: 10_000 } };

  test('a closed port is "connection refused"', async () => {
    const closed = await startTestServer();
    const url = closed.url('/feed');
    await closed.close();
    const error = await connectorError(pollFeed(url, NO_VALIDATORS, open));
    expect(error).toMatchObject({ code: 'connection-refused', message: 'connection refused' });
  });

  test('TLS to a plain HTTP server is a secure-connection failure', async () => {
    const plain = await startTestServer();
    const error = await connectorError(
      pollFeed(`https://127.0.0.1:${plain.port}/`, NO_VALIDATORS, open),
    );
    await plain.close();
    expect(error).toMatchObject({ code: 'tls', message: 'secure connection failed' });
  });

  test('a 500 with a detailed body is just "HTTP 500"', async () => {
    publicServer.route(
      '/boom',
      send('Traceback: password=hunter2 at 10.1.2.3', { 'content-type': 'text/plain' }, 500),
    );
    const error = await connectorError(
      pollFeed(publicServer.url('/boom'), NO_VALIDATORS, asPublic),
    );
    expect(error.message).toBe('HTTP 500');
    expect(JSON.stringify({ ...error, message: error.message })).not.toMatch(/hunter2|10\.1\.2\.3/);
  });

  test('an unknown host is "host not found"', async () => {
    const error = await connectorError(
      pollFeed('http://no-such-host.invalid/feed', NO_VALIDATORS, {
        ...open,
        resolve: async () => [],
      }),
    );
    expect(error).toMatchObject({ code: 'dns', message: 'host not found' });
  });
});

describe('checking a URL when it is saved', () => {
  test('assertFetchable refuses private targets without connecting and accepts allowed ones', async () => {
    const resolve = resolverFor({ 'evil.test': ['127.0.0.1'], 'ok.test': ['127.0.0.2'] });
    for (const url of [
      canary.url('/admin'),
      `http://evil.test:${canary.port}/`,
      'http://[::ffff:127.0.0.1]/',
    ]) {
      expect((await connectorError(assertFetchable(url, { ...asPublic, resolve }))).code).toBe(
        'private-address',
      );
    }
    expect((await connectorError(assertFetchable('ftp://x/', guarded))).code).toBe('bad-url');
    await expect(
      assertFetchable('http://ok.test/feed', { ...asPublic, resolve }),
    ).resolves.toBeUndefined();
    expect(canary.connections).toBe(0);
  });
});

describe('webhooks through the same client', () => {
  test('a POST is sent with its body and never follows a redirect', async () => {
    let received = '';
    const before = canary.connections;
    publicServer.route('/hook', (req, res) => {
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (received += chunk));
      req.on('end', () => send('', { location: canary.url('/admin') }, 307)(req, res));
    });
    const response = await guardedFetch(publicServer.url('/hook'), asPublic, {
      method: 'POST',
      body: '{"text":"alert"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(307);
    expect(received).toBe('{"text":"alert"}');
    expect(canary.connections).toBe(before);
  });
});
