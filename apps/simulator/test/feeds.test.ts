import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.ts';
import { atomEntries, parseXml, rssItems, textOf } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, startWith: 120, autoTick: false });
});
afterAll(() => sim.close());

describe('every demo feed', () => {
  test('parses as RSS 2.0 with the fields connectors read', async () => {
    for (const feed of sim.feeds) {
      const response = await fetch(`${sim.url}/feeds/${feed.name}.rss`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const items = rssItems(await response.text());
      expect(items.length, feed.name).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(50);
      for (const item of items) {
        expect(item['content:encoded'], feed.name).toMatch(/^<p>/);
        expect(item['dc:creator']).toBeTruthy();
        expect((item.guid as Record<string, string>)['@_isPermaLink']).toBe('false');
        expect(String(item.pubDate)).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      }
    }
  });

  test('parses as Atom 1.0 with ids, dates, authors and HTML content', async () => {
    for (const feed of sim.feeds) {
      const response = await fetch(`${sim.url}/feeds/${feed.name}.atom`);
      expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
      const doc = parseXml(await response.text()) as { feed: Record<string, unknown> };
      expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
      const entries = atomEntries(await (await fetch(`${sim.url}/feeds/${feed.name}.atom`)).text());
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(String(entry.id)).toMatch(/^tag:[a-z0-9.-]+\.example,\d{4}:/);
        expect(Number.isNaN(Date.parse(String(entry.published)))).toBe(false);
        expect(textOf(entry.content)).toMatch(/^<p>/);
        expect((entry.author as { name: string }).name).toBeTruthy();
      }
    }
  });

  test('lists items newest first', async () => {
    const items = rssItems(await (await fetch(`${sim.url}/feeds/mastodon-tag.rss`)).text());
    const dates = items.map((item) => Date.parse(String(item.pubDate)));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  test('links only to .example hosts', async () => {
    for (const feed of sim.feeds) {
      const xml = await (await fetch(`${sim.url}/feeds/${feed.name}.rss`)).text();
      const channel = xml.slice(xml.indexOf('<channel>'));
      const hosts = [...channel.matchAll(/https?:\/\/([^/"<\s]+)/g)].map((match) => match[1]);
      for (const host of hosts) expect(host).toMatch(/\.example$|^127\.0\.0\.1:\d+$/);
    }
  });
});

test('the newspaper mixes mentions with unrelated local news, query feeds only carry mentions', () => {
  const gazette = sim.items('northfield-gazette');
  expect(gazette.some((item) => item.mentionsTrust)).toBe(true);
  expect(gazette.some((item) => !item.mentionsTrust)).toBe(true);
  for (const feed of sim.feeds.filter((f) => f.isQueryFeed)) {
    expect(
      sim.items(feed.name).every((item) => item.mentionsTrust),
      feed.name,
    ).toBe(true);
  }
  expect(sim.feeds.find((f) => f.name === 'northfield-gazette')?.isQueryFeed).toBe(false);
});

test('mastodon-style items have no title in RSS but keep one in Atom', async () => {
  const [item] = rssItems(await (await fetch(`${sim.url}/feeds/mastodon-tag.rss`)).text());
  expect(item).not.toHaveProperty('title');
  const [entry] = atomEntries(await (await fetch(`${sim.url}/feeds/mastodon-tag.atom`)).text());
  expect(textOf(entry?.title).length).toBeGreaterThan(0);
});

test('gzip is used when the client asks for it', async () => {
  const { headers, body } = await rawGet(`${sim.url}/feeds/northfield-gazette.rss`, {
    'accept-encoding': 'gzip, deflate',
  });
  expect(headers['content-encoding']).toBe('gzip');
  expect(headers.vary).toBe('Accept-Encoding');
  const xml = gunzipSync(body).toString('utf8');
  expect(rssItems(xml).length).toBeGreaterThan(0);

  const plain = await rawGet(`${sim.url}/feeds/northfield-gazette.rss`, {});
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString('utf8')).toBe(xml);
});

test('an unknown feed is a 404 with a JSON error', async () => {
  const response = await fetch(`${sim.url}/feeds/nope.rss`);
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({
    error: { code: 'unknown_feed', message: 'there is no feed called "nope"' },
  });
});

test('a wrong method is a 405 naming the allowed one', async () => {
  const response = await fetch(`${sim.url}/feeds/trust-blog.rss`, { method: 'DELETE' });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('GET');
});

function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
        .on('error', reject)
        .end();
    },
  );
}
