import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverFeedLinks, discoverFeeds } from '../src/discover.ts';
import type { HttpPolicy } from '../src/types.ts';
import { ATOM, HTML_PAGE, SIMPLE_RSS } from './support/feeds.ts';
import { connectorError } from './support/poll.ts';
import { send, startTestServer, type TestServer } from './support/test-server.ts';

let site: TestServer;
let bare: TestServer;
const policy: HttpPolicy = { allowPrivate: true, timeouts: { totalMs: 10_000 } };

beforeAll(async () => {
  site = await startTestServer();
  site.route('/', send(HTML_PAGE, { 'content-type': 'text/html; charset=utf-8' }));
  site.route('/feed.xml', send(SIMPLE_RSS));
  bare = await startTestServer();
  bare.route('/', send('<html><body>no links here</body></html>', { 'content-type': 'text/html' }));
  bare.route('/atom.xml', send(ATOM, { 'content-type': 'application/atom+xml' }));
});
afterAll(async () => {
  await site.close();
  await bare.close();
});

describe('feed autodiscovery', () => {
  test('F5: <link rel="alternate"> feeds are found and resolved against the page', () => {
    expect(discoverFeedLinks(HTML_PAGE, 'https://site.example/blog/')).toEqual([
      { url: 'https://site.example/news.rss', title: 'News RSS', type: 'rss' },
      { url: 'https://other.example/atom.xml', title: null, type: 'atom' },
    ]);
  });

  test('a YouTube channel page yields its channel feed', () => {
    const page =
      '<html><head><meta itemprop="channelId" content="UCabcdefghijklmnopqrstuv"></head></html>';
    expect(discoverFeedLinks(page, 'https://www.youtube.com/@trust')[0]!.url).toBe(
      'https://www.youtube.com/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv',
    );
  });

  test('a page advertising feeds returns them; a feed URL returns itself', async () => {
    const fromPage = await discoverFeeds(site.url('/'), policy);
    expect(fromPage.map((f) => f.url)).toEqual([
      site.url('/news.rss'),
      'https://other.example/atom.xml',
    ]);
    const direct = await discoverFeeds(site.url('/feed.xml'), policy);
    expect(direct).toEqual([
      { url: site.url('/feed.xml'), title: 'Northshire Gazette', type: 'rss' },
    ]);
  });

  test('a page without links falls back to the common feed paths on the same site', async () => {
    expect(await discoverFeeds(bare.url('/'), policy)).toEqual([
      { url: bare.url('/atom.xml'), title: 'Northshire blog', type: 'atom' },
    ]);
  });

  test('discovery goes through the guarded client too', async () => {
    const before = site.connections;
    const error = await connectorError(discoverFeeds(site.url('/'), { allowPrivate: false }));
    expect(error.code).toBe('private-address');
    expect(site.connections).toBe(before);
  });
});
