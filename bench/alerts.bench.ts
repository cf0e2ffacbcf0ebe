// From ingest commit to the page reaching the SMTP server, beside commit-to-websocket in the same
// run (the baseline: the same mentions reaching a signed-in dashboard). Real API and worker
// processes, a real SMTP server, Postgres and Redis; each round ingests one safeguarding post on a
// new thread, so each is a new alert paging the primary.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { closeQueues, createQueues, enqueue } from '@barometer/bus';
import { LiveServerMessage } from '@barometer/core';
import { replaceEscalationPolicy, replaceRota, withTransaction } from '@barometer/db';
import {
  addFeedSource,
  addSignedInUser,
  createTestDatabase,
  freePort,
  testRedisPrefix,
} from '@barometer/db/testing';
import { startSmtpSink } from '@barometer/notify/testing';
import { Redis } from 'ioredis';
import WebSocket from 'ws';

const ROUNDS = Number(process.env.BENCH_ALERT_ROUNDS ?? 40);
const GAP_MS = 250;
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

async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const database = await createTestDatabase('bench_alerts');
const prefix = testRedisPrefix('bench_alerts');
const smtp = await startSmtpSink();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  maxRetriesPerRequest: null,
});
const queues = createQueues(redis, prefix);
const children: ChildProcess[] = [];
try {
  const { rows } = await database.pool.query<{ id: number }>(
    "insert into users (email, display_name) values ('primary@trust.nhs.uk', 'Primary') returning id",
  );
  const weekly = {
    handoverWeekday: 1,
    handoverTime: '09:00',
    startsOn: '2026-01-05',
    periodWeeks: 1,
  };
  await withTransaction(database.pool, async (tx) => {
    await replaceRota(tx, {
      rotations: [{ role: 'primary', members: [rows[0]!.id], ...weekly }],
      overrides: [],
    });
    // One long step: the bench measures the first page, not the climb.
    await replaceEscalationPolicy(tx, {
      steps: [{ notify: ['oncall:primary'], escalateAfterSeconds: 3600 }],
    });
  });
  const source = await addFeedSource(database, {
    name: 'Bench news',
    url: 'https://news.example/rss',
    enabled: false,
  });
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    SMTP_URL: smtp.url,
    PUBLIC_URL: apiUrl,
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
  await until('the API', 60_000, async () =>
    (await fetch(`${apiUrl}/api/ready`).then(
      (r) => r.ok,
      () => false,
    ))
      ? true
      : undefined,
  );
  children.push(
    spawn(process.execPath, [tsxCli, 'apps/worker/src/main.ts'], {
      cwd: root,
      env,
      stdio: 'inherit',
    }),
  );

  const { cookie } = await addSignedInUser(database.pool, ['oncall']);
  const wsSeen = new Map<number, number>();
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/live`, {
    headers: { cookie, origin: apiUrl },
  });
  socket.on('message', (data) => {
    const message = LiveServerMessage.parse(JSON.parse(String(data)));
    if (message.type === 'mention.created') wsSeen.set(message.mention.id, Date.now());
  });
  await new Promise((r, j) => {
    socket.once('open', r);
    socket.once('error', j);
  });
  socket.send(JSON.stringify({ type: 'resume', lastId: null }));

  // A warm-up round: the worker's first job pays for connections and module loading.
  const post = (i: number) => ({
    externalId: `bench-${i}`,
    url: null,
    author: null,
    title: null,
    text: `I've said my goodbyes. I can't do this any more (${i}).`,
    html: null,
    publishedAt: null,
    publishedRaw: null,
    parentExternalId: null,
    rootExternalId: `bench-thread-${i}`,
  });
  await enqueue(queues, 'mentions.ingest', { sourceId: source.id, mentions: [post(0)] });
  await until('the warm-up page', 60_000, async () =>
    smtp.received.length >= 1 ? true : undefined,
  );

  for (let i = 1; i <= ROUNDS; i++) {
    await enqueue(queues, 'mentions.ingest', { sourceId: source.id, mentions: [post(i)] });
    await sleep(GAP_MS);
  }
  await until(`${ROUNDS + 1} pages`, 120_000, async () =>
    smtp.received.length >= ROUNDS + 1 ? true : undefined,
  );

  const { rows: measured } = await database.pool.query<{
    mention_id: number;
    alert_id: number;
    fetched_at: Date;
  }>(
    `select m.id as mention_id, a.id as alert_id, m.fetched_at
     from mentions m join alerts a on (a.subject ->> 'id')::bigint = m.id
     where m.external_id <> 'bench-0'`,
  );
  const toSmtp: number[] = [];
  const toWs: number[] = [];
  for (const r of measured) {
    const mail = smtp.received.find((m) => m.delivery.startsWith(`${r.alert_id}/0/`));
    if (mail) toSmtp.push(mail.receivedAt - r.fetched_at.getTime());
    const ws = wsSeen.get(r.mention_id);
    if (ws !== undefined) toWs.push(ws - r.fetched_at.getTime());
  }
  toSmtp.sort((a, b) => a - b);
  toWs.sort((a, b) => a - b);
  process.stderr.write(
    `alerts: ${measured.length} safeguarding posts, one new alert each, ${GAP_MS} ms apart\n`,
  );
  figure('alerts.commit_to_smtp_p50', percentile(toSmtp, 50), 'ms');
  figure('alerts.commit_to_smtp_p99', percentile(toSmtp, 99), 'ms');
  figure('alerts.commit_to_ws_p50', percentile(toWs, 50), 'ms');
  figure('alerts.commit_to_ws_p99', percentile(toWs, 99), 'ms');
  figure('alerts.pages_received', toSmtp.length, 'pages');
  socket.close();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await smtp.close();
  await database.drop();
}
