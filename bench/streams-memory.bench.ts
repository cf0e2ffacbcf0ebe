// Memory of the stream consumers over time: a Jetstream consumer fed by a local firehose at a
// steady rate (2% of posts mention the trust), heap and RSS sampled every 10 s. The first sample
// after warm-up is the baseline printed beside the last and the highest. Runs 10 minutes
// (BENCH_STREAM_SECONDS changes it).
import type { AddressInfo } from 'node:net';
import { jetstreamConnectorForBench } from '@barometer/connectors';
import { compileTrustMatcher, TrustProfile } from '@barometer/core';
import { WebSocketServer } from 'ws';

function figure(bench: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`,
  );
  process.stderr.write(`  ${bench.padEnd(44)} ${value.toFixed(1).padStart(10)} ${unit}\n`);
}

const SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 600);
const RATE = 2000; // posts per second
const matcher = compileTrustMatcher(
  TrustProfile.parse({ name: 'Northfield General', handles: ['@NorthfieldNHS'] }),
);

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
await new Promise((resolve) => server.once('listening', resolve));
let sent = 0;
server.on('connection', (ws) => {
  const timer = setInterval(() => {
    for (let i = 0; i < RATE / 10; i++) {
      sent++;
      const text =
        sent % 50 === 0
          ? `waiting at Northfield General ${sent}`
          : `just a post about the weather ${sent}`;
      ws.send(
        JSON.stringify({
          did: `did:plc:${(sent % 5000).toString(36).padStart(24, 'a')}`,
          time_us: 1_779_719_009_157_119 + sent,
          kind: 'commit',
          commit: {
            rev: `r${sent}`,
            operation: 'create',
            collection: 'app.bsky.feed.post',
            rkey: `k${sent}`,
            record: { $type: 'app.bsky.feed.post', createdAt: new Date().toISOString(), text },
          },
        }),
      );
    }
  }, 100);
  ws.on('close', () => clearInterval(timer));
});
const port = (server.address() as AddressInfo).port;

let kept = 0;
const handle = jetstreamConnectorForBench.start(
  {
    id: 1,
    kind: 'jetstream',
    url: `http://127.0.0.1:${port}`,
    cursor: null,
    validators: { etag: null, lastModified: null, contentHash: null },
  },
  { allowPrivate: true },
  {
    async mentions(batch) {
      kept += batch.length;
    },
    async deleted() {},
    health() {},
    async cursor() {},
  },
  { matches: (t) => matcher.matches(t) },
);

const mib = (n: number) => n / 1024 / 1024;
const samples: { heap: number; rss: number }[] = [];
process.stderr.write(`stream consumer memory (${SECONDS} s at ${RATE} posts/s)\n`);
for (let elapsed = 0; elapsed < SECONDS; elapsed += 10) {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  globalThis.gc?.();
  const usage = process.memoryUsage();
  samples.push({ heap: mib(usage.heapUsed), rss: mib(usage.rss) });
}
await handle.stop();
server.close();
const base = samples[Math.min(1, samples.length - 1)]!;
const last = samples.at(-1)!;
figure('stream consumer heap after warm-up (baseline)', base.heap, 'MiB');
figure('stream consumer heap at the end', last.heap, 'MiB');
figure('stream consumer heap, highest', Math.max(...samples.map((s) => s.heap)), 'MiB');
figure('stream consumer RSS at the end', last.rss, 'MiB');
figure('stream consumer posts read', sent, 'posts');
figure('stream consumer posts kept', kept, 'posts');
