// Feed ingestion speed: items/s through parse + sanitise + normalise (in memory, one core), the
// same through a real local fetch, fast-xml-parser alone on the same document as a yardstick,
// and a sweep polling 1,000 feeds from a local server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed, pollFeed } from '@barometer/connectors';
import { HostGate } from '@barometer/http';
import { XMLParser } from 'fast-xml-parser';

function figure(bench: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`,
  );
  process.stderr.write(`  ${bench.padEnd(34)} ${value.toFixed(1).padStart(12)} ${unit}\n`);
}

/** A realistic 100-item news feed: Google News-style escaped HTML clusters, dates, creators. */
function realisticFeed(seed: number, count = 100): string {
  const items = Array.from({ length: count }, (_, i) => {
    const n = seed * 1000 + i;
    const cluster = Array.from(
      { length: 4 },
      (_, k) =>
        `&lt;li&gt;&lt;a href="https://news.google.com/rss/articles/CBMi${n}x${k}?oc=5" target="_blank"&gt;Northshire A&amp;amp;E waits hit record ${k}&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font color="#6f6f6f"&gt;Publisher ${k}&lt;/font&gt;&lt;/li&gt;`,
    ).join('');
    return `<item>
  <title>Northshire Hospitals story ${n} - Local Paper</title>
  <link>https://news.example/articles/${n}</link>
  <guid isPermaLink="false">CBMiWkFVX3lxTE${n}</guid>
  <pubDate>Mon, 29 Sep 2026 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>
  <dc:creator>Reporter ${i % 7}</dc:creator>
  <description>&lt;p&gt;Patients at &lt;b&gt;Northshire General&lt;/b&gt; described waits of ${i} hours in A&amp;amp;E, with trolleys in corridors and staff &lt;em&gt;stretched&lt;/em&gt;.&lt;/p&gt;&lt;ol&gt;${cluster}&lt;/ol&gt;&lt;img src="https://news.example/pixel.gif" width="1" height="1"&gt;</description>
  <source url="https://www.bbc.co.uk">BBC News</source>
</item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>"Northshire Hospitals" - Google News</title><link>https://news.google.com/</link>
<description>Google News</description>
${items}
</channel></rss>`;
}

function itemsPerSecond(run: () => number, minMs = 3000): number {
  for (let i = 0; i < 20; i++) run(); // warm up the JIT
  let items = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) items += run();
  return items / ((performance.now() - start) / 1000);
}

process.stderr.write('feed ingestion\n');
const doc = realisticFeed(1);
const bytes = new TextEncoder().encode(doc);
process.stderr.write(`  (100-item feed, ${(bytes.length / 1024).toFixed(0)} KiB)\n`);

const xml = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true });
const baseline = itemsPerSecond(() => {
  const parsed = xml.parse(doc) as { rss: { channel: { item: unknown[] } } };
  return parsed.rss.channel.item.length;
});
figure('feed fast-xml-parser alone (baseline)', baseline, 'items/s');

const ours = itemsPerSecond(
  () => parseFeed(bytes, { url: 'https://news.google.com/rss' }).items.length,
);
figure('feed parse+sanitise+normalise', ours, 'items/s');

// A local server for the fetch figures: 1,000 distinct feeds, 20 items each, plus the big one.
const feeds = Array.from({ length: 1000 }, (_, i) => Buffer.from(realisticFeed(i + 2, 20)));
const server = createServer((req, res) => {
  const n = Number((req.url ?? '').replace(/\D/g, ''));
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"${n}"` });
  res.end(req.url === '/big.rss' ? bytes : feeds[n % feeds.length]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const policy = { allowPrivate: true };
const none = { etag: null, lastModified: null, contentHash: null };

let fetched = 0;
const fetchStart = performance.now();
while (performance.now() - fetchStart < 3000) {
  const result = await pollFeed(`${origin}/big.rss`, none, policy);
  if (result.status === 'ok') fetched += result.feed.items.length;
}
figure(
  'feed fetch+parse+sanitise+normalise',
  fetched / ((performance.now() - fetchStart) / 1000),
  'items/s',
);

// One sweep: every feed once, 16 at a time (each feed its own path; the host gate is keyed by
// host, so it is bypassed here as the local server stands for 1,000 different hosts).
const gate = new HostGate();
let sweepItems = 0;
let cursor = 0;
const sweepStart = performance.now();
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (cursor < feeds.length) {
      const i = cursor++;
      const url = `${origin}/feed-${i}.rss`;
      const result = await gate.run(`http://host-${i}.example/`, () => pollFeed(url, none, policy));
      if (result.status === 'ok') sweepItems += result.feed.items.length;
    }
  }),
);
const sweepSeconds = (performance.now() - sweepStart) / 1000;
figure('feed sweep of 1000 feeds', sweepSeconds, 's');
figure('feed sweep throughput', sweepItems / sweepSeconds, 'items/s');
await new Promise<void>((r) => server.close(() => r()));
