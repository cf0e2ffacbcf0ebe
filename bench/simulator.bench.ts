// How cheap the simulator is: bench-mode items served per second (what the end-to-end benchmark
// leans on), and full renders and 304s of a live demo feed. Client and server share this process
// (and the machine's 2 cores), so the figures are lower bounds for the server alone.
// Run: npx tsx apps/simulator/bench/simulator.bench.ts
import { startSimulator } from '../apps/simulator/src/index.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = 4;

type Figure = { bench: string; value: number; unit: string };
const figures: Figure[] = [];

async function measure(label: string, request: () => Promise<number>) {
  const deadline = performance.now() + SECONDS * 1000;
  let requests = 0;
  let units = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      // Read the result first: `units += await ...` would add to a stale value across workers.
      const served = await request();
      units += served;
      requests += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { label, requestsPerSecond: requests / elapsed, unitsPerSecond: units / elapsed };
}

const bench = await startSimulator({ scenario: 'bench', feedCount: 4, seed: 1 });
const live = await startSimulator({ seed: 1, startWith: 300, autoTick: false });
try {
  let next = 0;
  const benchFetch = (headers: Record<string, string>) => async () => {
    const feed = bench.feeds[next++ % bench.feeds.length]!;
    const body = await (await fetch(feed.url, { headers })).text();
    return body.split('<item>').length - 1;
  };
  const plain = await measure(
    'bench feed, identity',
    benchFetch({ 'accept-encoding': 'identity' }),
  );
  const gzip = await measure('bench feed, gzip', benchFetch({ 'accept-encoding': 'gzip' }));

  const liveUrl = `${live.url}/feeds/mastodon-tag.rss`;
  const full = await measure('live feed, 50 items', async () => {
    const body = await (
      await fetch(liveUrl, { headers: { 'accept-encoding': 'identity' } })
    ).text();
    return body.split('<item>').length - 1;
  });
  const etag = (await fetch(liveUrl)).headers.get('etag')!;
  const notModified = await measure('live feed, 304', async () => {
    const response = await fetch(liveUrl, { headers: { 'if-none-match': etag } });
    await response.arrayBuffer();
    if (response.status !== 304) throw new Error(`expected 304, got ${response.status}`);
    return 0;
  });

  figures.push(
    {
      bench: 'simulator.bench_items_per_s',
      value: Math.round(plain.unitsPerSecond),
      unit: 'items/s',
    },
    {
      bench: 'simulator.bench_items_gzip_per_s',
      value: Math.round(gzip.unitsPerSecond),
      unit: 'items/s',
    },
    {
      bench: 'simulator.live_feed_renders_per_s',
      value: Math.round(full.requestsPerSecond),
      unit: 'req/s',
    },
    {
      bench: 'simulator.live_feed_304_per_s',
      value: Math.round(notModified.requestsPerSecond),
      unit: 'req/s',
    },
  );
  process.stderr.write(
    `\nsimulator (${SECONDS}s each, ${CONCURRENCY} concurrent, client in-process)\n`,
  );
  for (const row of [plain, gzip, full, notModified]) {
    process.stderr.write(
      `  ${row.label.padEnd(24)} ${row.requestsPerSecond.toFixed(0).padStart(7)} req/s ${row.unitsPerSecond.toFixed(0).padStart(9)} items/s\n`,
    );
  }
  for (const figure of figures) process.stdout.write(`${JSON.stringify(figure)}\n`);
} finally {
  await bench.close();
  await live.close();
}
