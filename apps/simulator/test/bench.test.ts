import { afterAll, beforeAll, expect, test } from 'vitest';
import { BenchModeError, type Simulator, startSimulator } from '../src/index.ts';
import { atomEntries, rssItems, textOf } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'bench', feedCount: 3, seed: 1 });
});
afterAll(() => sim.close());

test('bench mode lists feedCount query feeds', () => {
  expect(sim.feeds.map((feed) => feed.name)).toEqual(['bench-1', 'bench-2', 'bench-3']);
  expect(sim.feeds.every((feed) => feed.isQueryFeed && feed.kind === 'rss')).toBe(true);
});

test('every fetch returns 100 items never served before, even with validators', async () => {
  const seen = new Set<string>();
  for (let fetchIndex = 0; fetchIndex < 5; fetchIndex += 1) {
    for (const feed of sim.feeds) {
      const response = await fetch(feed.url, {
        headers: { 'if-none-match': '*', 'if-modified-since': new Date().toUTCString() },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('no-store');
      const items = rssItems(await response.text());
      expect(items).toHaveLength(100);
      for (const item of items) {
        const guid = textOf(item.guid);
        expect(seen.has(guid)).toBe(false);
        seen.add(guid);
        expect(String(item.description)).toMatch(/Northfield|St Aidan's/);
      }
    }
  }
  expect(seen.size).toBe(1500);
});

test('the Atom form of a bench feed is fresh too', async () => {
  const first = atomEntries(await (await fetch(`${sim.url}/feeds/bench-2.atom`)).text());
  const second = atomEntries(await (await fetch(`${sim.url}/feeds/bench-2.atom`)).text());
  expect(first).toHaveLength(100);
  const ids = new Set([...first, ...second].map((entry) => String(entry.id)));
  expect(ids.size).toBe(200);
});

test('publishing into bench mode is refused, over HTTP with 409', async () => {
  expect(() => sim.publish('bench-1', { text: 'x' })).toThrow(BenchModeError);
  const response = await fetch(`${sim.url}/control/publish`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ feed: 'bench-1', text: 'x' }),
  });
  expect(response.status).toBe(409);
});
