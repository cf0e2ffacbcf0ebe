import { afterEach, expect, test } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.ts';
import { fakeClock } from './helpers.ts';

const started: Simulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

async function start(options: Parameters<typeof startSimulator>[0]) {
  const sim = await startSimulator({ autoTick: false, ...options });
  started.push(sim);
  return sim;
}

const total = (sim: Simulator) =>
  sim.feeds.reduce((sum, feed) => sum + sim.items(feed.name).length, 0);

test('ticks add items at the configured rate as the clock moves', async () => {
  const clock = fakeClock();
  const sim = await start({ seed: 1, ratePerMinute: 30, now: clock.now });
  expect(total(sim)).toBe(0);
  expect(sim.tick()).toEqual([]);

  clock.advance(60_000);
  const firstMinute = sim.tick();
  // A comment with no post to answer brings its post along, so a tick may add a few extra.
  expect(firstMinute.length).toBe(30);
  expect(total(sim)).toBeGreaterThanOrEqual(30);

  clock.advance(10_000);
  expect(sim.tick().length).toBe(5);
});

test('fractions of an item carry over between ticks', async () => {
  const clock = fakeClock();
  const sim = await start({ seed: 1, ratePerMinute: 6, now: clock.now });
  const counts = [];
  for (let step = 0; step < 6; step += 1) {
    clock.advance(5_000);
    counts.push(sim.tick().length);
  }
  expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
});

test('items from one tick are dated across the interval, oldest first', async () => {
  const clock = fakeClock();
  const sim = await start({ seed: 2, ratePerMinute: 60, now: clock.now });
  const before = clock.now().getTime();
  clock.advance(60_000);
  const created = sim.tick();
  const times = created.map((item) => item.publishedAt.getTime());
  expect(times[0]).toBeGreaterThan(before);
  expect(times.at(-1)).toBe(before + 60_000);
  expect(times).toEqual([...times].sort((a, b) => a - b));
});

test('startWith fills the feeds with items dated in the past', async () => {
  const clock = fakeClock();
  const sim = await start({ seed: 5, startWith: 50, now: clock.now });
  const all = sim.feeds.flatMap((feed) => sim.items(feed.name));
  expect(all.length).toBeGreaterThanOrEqual(50);
  for (const item of all) expect(item.publishedAt.getTime()).toBeLessThan(clock.now().getTime());
});

test('the same seed gives the same texts, another seed different ones', async () => {
  const texts = async (seed: number) => {
    const clock = fakeClock();
    const sim = await start({ seed, ratePerMinute: 40, now: clock.now });
    clock.advance(60_000);
    return sim.tick().map((item) => `${item.feed}|${item.title}|${item.text}|${item.author}`);
  };
  const first = await texts(99);
  expect(await texts(99)).toEqual(first);
  expect(await texts(100)).not.toEqual(first);
});

test('the timer ticks on its own when autoTick is on', async () => {
  const sim = await start({ seed: 4, ratePerMinute: 6000, autoTick: true, tickMs: 20 });
  await expect.poll(() => total(sim), { timeout: 5_000 }).toBeGreaterThan(0);
});
