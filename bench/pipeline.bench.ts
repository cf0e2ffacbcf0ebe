// End to end: simulator feeds -> poll -> ingest (score, upsert) -> Postgres -> Redis -> API
// websocket. Prints mentions/s committed, sustained over the window, and commit-to-websocket
// latency (fetched_at, set in the inserting transaction, to receipt by a dashboard socket).
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { LiveServerMessage } from '@barometer/core';
import { createTestDatabase, freePort, testRedisPrefix } from '@barometer/db/testing';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { startSimulator } from '../apps/simulator/src/index.ts';

// Sources are polled at most every 30 s and one request at a time per host, as in production, so
// the offered load (1,200 feeds x 100 new items per 30 s = 4,000/s, above capacity, so the figure
// is what the pipeline sustains) comes from feeds spread over hosts 127.0.0.2-41, all reaching the
// simulator, bound to every local address for this run (nothing leaves the machine).
const FEEDS = Number(process.env.BENCH_FEEDS ?? 1200);
const HOSTS = 40;
const WARMUP_MS = 8_000;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 20_000);
const root = resolve(import.meta.dirname, '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

function figure(bench: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`,
  );
  process.stderr.write(`  ${bench.padEnd(34)} ${value.toFixed(1).padStart(10)} ${unit}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const database = await createTestDatabase('bench');
const prefix = testRedisPrefix('bench');
const simulator = await startSimulator({
  scenario: 'bench',
  feedCount: FEEDS,
  port: 0,
  host: '0.0.0.0',
});
const feedUrls = simulator.feeds.map((feed, i) => {
  const url = new URL(feed.url);
  url.hostname = `127.0.0.${(i % HOSTS) + 2}`;
  return { name: feed.name, url: url.toString() };
});
const children: ChildProcess[] = [];
try {
  await database.pool.query(
    `insert into sources (kind, name, url, is_query_feed, poll_interval_seconds)
     select 'rss', f->>'name', f->>'url', true, 30 from jsonb_array_elements($1::jsonb) f`,
    [JSON.stringify(feedUrls)],
  );
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    ALLOW_PRIVATE_FEEDS: 'true',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    PORT: String(port),
  };
  children.push(
    spawn(process.execPath, [tsxCli, 'apps/api/src/server.ts'], {
      cwd: root,
      env,
      stdio: 'inherit',
    }),
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await sleep(200);
  }

  const latencies: number[] = [];
  let measuring = false;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/live`);
  socket.on('message', (data) => {
    const message = LiveServerMessage.parse(JSON.parse(String(data)));
    if (measuring && message.type === 'mention.created') {
      latencies.push(Date.now() - Date.parse(message.mention.fetchedAt));
    }
  });
  await new Promise((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'resume', lastId: null }));

  children.push(
    spawn(process.execPath, [tsxCli, 'apps/worker/src/main.ts'], {
      cwd: root,
      env,
      stdio: 'inherit',
    }),
  );
  const count = async () =>
    (await database.pool.query<{ n: number }>('select count(*)::int as n from mentions')).rows[0]!
      .n;
  await sleep(WARMUP_MS);
  const startCount = await count();
  const started = Date.now();
  measuring = true;
  await sleep(WINDOW_MS);
  measuring = false;
  const elapsed = (Date.now() - started) / 1000;
  const committed = (await count()) - startCount;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const backlog = await redis.llen(`${prefix}:ingest:wait`);
  latencies.sort((a, b) => a - b);

  process.stderr.write(
    `pipeline: ${FEEDS} feeds on ${HOSTS} hosts, 100 new items per fetch; window ${elapsed.toFixed(1)} s\n`,
  );
  figure('pipeline.mentions_per_second', committed / elapsed, 'mentions/s');
  figure('pipeline.commit_to_ws_p50', percentile(latencies, 50), 'ms');
  figure('pipeline.commit_to_ws_p99', percentile(latencies, 99), 'ms');
  figure('pipeline.ingest_backlog_jobs', backlog, 'jobs');
  socket.close();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await simulator.close();
  await database.drop();
}
