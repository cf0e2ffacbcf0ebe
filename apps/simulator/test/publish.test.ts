import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.ts';
import { atomEntries, rssItems, textOf } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 11, startWith: 40, autoTick: false });
});
afterAll(() => sim.close());

test('publish() puts the item first in both the RSS and the Atom feed', async () => {
  const item = sim.publish('reddit-search', {
    title: 'Parking at Northfield General',
    text: 'Paid £6 & still no space <again> at Northfield General',
    author: 'u/annoyed_of_ashby',
  });
  const [first] = rssItems(await (await fetch(`${sim.url}/feeds/reddit-search.rss`)).text());
  expect(first?.title).toBe('Parking at Northfield General');
  expect(first?.description).toBe('Paid £6 & still no space <again> at Northfield General');
  expect(textOf(first?.guid)).toBe(item.guid);
  expect(first?.['dc:creator']).toBe('u/annoyed_of_ashby');

  const [entry] = atomEntries(await (await fetch(`${sim.url}/feeds/reddit-search.atom`)).text());
  expect(entry?.id).toBe(item.guid);
  expect(textOf(entry?.content)).toBe(
    '<p>Paid £6 &amp; still no space &lt;again&gt; at Northfield General</p>',
  );
});

test('publish() with no text makes a realistic post from the feed mix', () => {
  const item = sim.publish('mastodon-tag');
  expect(item.text.length).toBeGreaterThan(20);
  expect(item.mentionsTrust).toBe(true);
  expect(sim.items('mastodon-tag')[0]).toBe(item);
});

test('publish() to a feed that does not exist throws', () => {
  expect(() => sim.publish('no-such-feed', { text: 'x' })).toThrow('unknown feed "no-such-feed"');
});

test('POST /control/publish returns 201 with the item, which then leads the feed', async () => {
  const response = await fetch(`${sim.url}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      feed: 'northfield-gazette',
      title: 'Northfield General opens new discharge lounge',
      html: '<p>The <b>discharge lounge</b> at Northfield General opened today.</p>',
    }),
  });
  expect(response.status).toBe(201);
  const { item } = (await response.json()) as { item: Record<string, unknown> };
  expect(item).toMatchObject({
    feed: 'northfield-gazette',
    title: 'Northfield General opens new discharge lounge',
    text: 'The discharge lounge at Northfield General opened today.',
    mentionsTrust: true,
    pool: 'published',
  });
  expect(Number.isNaN(Date.parse(String(item.publishedAt)))).toBe(false);

  const [first] = rssItems(await (await fetch(`${sim.url}/feeds/northfield-gazette.rss`)).text());
  expect(textOf(first?.guid)).toBe(item.guid);
  expect(first?.['content:encoded']).toBe(
    '<p>The <b>discharge lounge</b> at Northfield General opened today.</p>',
  );
});

test('POST /control/publish says which field is wrong', async () => {
  const response = await fetch(`${sim.url}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ feed: 'mastodon-tag', title: 42 }),
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('invalid_body');
  expect(body.error.message).toMatch(/^title: /);
});

test('POST /control/publish answers 404 for an unknown feed and 400 for broken JSON', async () => {
  const unknown = await fetch(`${sim.url}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ feed: 'nowhere', text: 'hello' }),
  });
  expect(unknown.status).toBe(404);
  const broken = await fetch(`${sim.url}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"feed":',
  });
  expect(broken.status).toBe(400);
  expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
});

test('GET /control/feeds lists the feeds with absolute URLs', async () => {
  const response = await fetch(`${sim.url}/control/feeds`);
  const { feeds } = (await response.json()) as { feeds: Simulator['feeds'] };
  expect(feeds).toEqual(sim.feeds);
  expect(feeds.map((feed) => feed.name)).toContain('google-news');
  for (const feed of feeds) {
    expect(feed.url).toBe(`${sim.url}/feeds/${feed.name}.${feed.kind}`);
    expect((await fetch(feed.url)).status).toBe(200);
  }
});
