import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.ts';
import { fakeClock } from './helpers.ts';

const clock = fakeClock();
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 3, startWith: 20, autoTick: false, now: clock.now });
});
afterAll(() => sim.close());

test('a matching ETag gets 304 with no body', async () => {
  const first = await fetch(`${sim.url}/feeds/northfield-gazette.rss`);
  const etag = first.headers.get('etag');
  expect(etag).toMatch(/^"[^"]+"$/);
  await first.arrayBuffer();

  const second = await fetch(`${sim.url}/feeds/northfield-gazette.rss`, {
    headers: { 'if-none-match': etag! },
  });
  expect(second.status).toBe(304);
  expect(second.headers.get('etag')).toBe(etag);
  expect(await second.text()).toBe('');
});

test('the weak form of the ETag and a list of tags also match', async () => {
  const etag = (await fetch(`${sim.url}/feeds/trust-blog.atom`)).headers.get('etag')!;
  for (const header of [`W/${etag}`, `"other", ${etag}`, '*']) {
    const response = await fetch(`${sim.url}/feeds/trust-blog.atom`, {
      headers: { 'if-none-match': header },
    });
    expect(response.status, header).toBe(304);
  }
});

test('If-Modified-Since at or after Last-Modified gets 304, an earlier date gets the feed', async () => {
  const first = await fetch(`${sim.url}/feeds/google-news.rss`);
  const lastModified = first.headers.get('last-modified')!;
  expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

  const same = await fetch(`${sim.url}/feeds/google-news.rss`, {
    headers: { 'if-modified-since': lastModified },
  });
  expect(same.status).toBe(304);

  const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
  const older = await fetch(`${sim.url}/feeds/google-news.rss`, {
    headers: { 'if-modified-since': earlier },
  });
  expect(older.status).toBe(200);
});

test('a new item changes the ETag and Last-Modified, so the old validators get 200', async () => {
  const first = await fetch(`${sim.url}/feeds/mastodon-tag.rss`);
  const etag = first.headers.get('etag')!;
  const lastModified = first.headers.get('last-modified')!;
  clock.advance(5_000);
  sim.publish('mastodon-tag', { text: 'Northfield General, the new multi-storey is great' });

  const after = await fetch(`${sim.url}/feeds/mastodon-tag.rss`, {
    headers: { 'if-none-match': etag, 'if-modified-since': lastModified },
  });
  expect(after.status).toBe(200);
  expect(after.headers.get('etag')).not.toBe(etag);
  expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified));
});

test('RSS and Atom of the same feed have different ETags', async () => {
  const rss = (await fetch(`${sim.url}/feeds/reddit-search.rss`)).headers.get('etag');
  const atom = (await fetch(`${sim.url}/feeds/reddit-search.atom`)).headers.get('etag');
  expect(rss).not.toBe(atom);
});
