// Faults, measured on real processes: how long ingest takes to resume after each fault (from the
// store answering again, or the replacement worker starting, to the next committed mention), and
// /api/mentions p95 during a back-fill storm and a discovery flood, each beside the same figure
// with no fault in this run.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeQueues, createQueues, enqueueMany } from '@barometer/bus';
import { type NormalizedMention, scoreMention } from '@barometer/core';
import { upsertMentions } from '@barometer/db';
import {
  addFeedSource,
  addSignedInUser,
  createTestDatabase,
  freePort,
  mentionToStore,
  testRedisPrefix,
} from '@barometer/db/testing';
import { Redis } from 'ioredis';
import { catchUp } from '../apps/api/test/reliability/storm-client.ts';
import { startTcpProxy } from '../apps/worker/test/reliability/tcp-proxy.ts';

const STORM_CLIENTS = Number(process.env.BENCH_STORM_CLIENTS ?? 300);
const FLOOD = Number(process.env.BENCH_FLOOD ?? 40);
const OUTAGE_MS = 5000;
const root = resolve(import.meta.dirname, '..');
// tsx's loader inside the one node process, not the tsx CLI (which runs the script in a second
// process): a SIGKILL must reach the real worker.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function figure(bench: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ bench, value: Math.round(value * 10) / 10, unit })}\n`);
  process.stderr.write(`  ${bench.padEnd(40)} ${value.toFixed(1).padStart(10)} ${unit}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const children = new Set<ChildProcess>();
function start(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, entry], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const database = await createTestDatabase('bench_faults');
const prefix = testRedisPrefix('bench_faults');
const redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const queues = createQueues(redis, prefix);
const direct = new URL(database.url);
const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
const viaProxy = new URL(database.url);
viaProxy.port = String(proxy.port);
const held: ServerResponse[] = [];
const pages = createServer((_req, res) => {
  held.push(res);
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      '<html><head><link rel="alternate" type="application/rss+xml" href="/f"></head></html>',
    );
  }, 2000);
});
await new Promise<void>((r) => pages.listen(0, '127.0.0.1', r));
const pageBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;

try {
  const source = await addFeedSource(database, { name: 'Bench', url: 'https://b.example/rss' });
  const score = scoreMention({ text: 'Northfield General Hospital A&E' });
  const seeded = Array.from({ length: 2000 }, (_, i) =>
    mentionToStore(
      `seed-${i}`,
      `Northfield General seed ${i}: ${'waiting times '.repeat(30)}`,
      score,
    ),
  );
  for (let i = 0; i < seeded.length; i += 500) {
    await upsertMentions(database.pool, source.id, seeded.slice(i, i + 500));
  }
  const { cookie } = await addSignedInUser(database.pool, ['officer', 'admin']);
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  start('apps/api/src/server.ts', {
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_DIST: '/nonexistent',
    ALLOW_PRIVATE_FEEDS: 'true',
    PUBLIC_URL: apiUrl,
  });
  const workerEnv = {
    DATABASE_URL: viaProxy.toString(),
    REDIS_PREFIX: prefix,
    WORKER_QUEUES: 'ingest',
    DATABASE_STATEMENT_TIMEOUT_MS: '3000',
    DATABASE_QUERY_TIMEOUT_MS: '4000',
  };
  let worker = start('apps/worker/src/main.ts', workerEnv);
  await until(
    async () => (await fetch(`${apiUrl}/api/health`).catch(() => null))?.status === 200,
    60_000,
    'the API',
  );

  // A steady trickle of ingest batches with fresh ids, as polls would produce.
  let batchNo = 0;
  const trickle = setInterval(() => {
    const n = batchNo++;
    const mentions: NormalizedMention[] = Array.from({ length: 20 }, (_, i) => ({
      ...mentionToStore(`t${n}-${i}`, `Northfield General trickle ${n} ${i}`, score).mention,
    }));
    void enqueueMany(queues, 'mentions.ingest', [{ payload: { sourceId: source.id, mentions } }]);
  }, 100);
  // Recovery is timed to a marker batch enqueued at the moment of recovery: the figure is how
  // long until that batch is stored (it waits behind whatever queued up during the fault), so a
  // commit already in flight when the fault struck cannot pass for recovery.
  let markerNo = 0;
  const resumed = async (from: number) => {
    const id = `marker-${markerNo++}`;
    const mention = mentionToStore(id, `Northfield General marker ${id}`, score).mention;
    await enqueueMany(queues, 'mentions.ingest', [
      { payload: { sourceId: source.id, mentions: [mention] } },
    ]);
    await until(
      async () =>
        (await database.pool.query('select 1 from mentions where external_id = $1', [id]))
          .rowCount === 1,
      120_000,
      `${id} to be stored`,
    );
    return Date.now() - from;
  };
  await resumed(Date.now()); // the worker is up and ingesting

  await proxy.cut();
  await sleep(OUTAGE_MS);
  await proxy.restore();
  figure('faults-recovery-postgres-refused', await resumed(Date.now()), 'ms');

  proxy.blackHole();
  await sleep(OUTAGE_MS);
  proxy.heal();
  figure('faults-recovery-postgres-blackholed', await resumed(Date.now()), 'ms');

  worker.kill('SIGKILL');
  worker = start('apps/worker/src/main.ts', workerEnv);
  const killedAt = Date.now();
  figure('faults-recovery-worker-sigkill', await resumed(killedAt), 'ms (incl. new worker start)');

  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  worker = start('apps/worker/src/main.ts', workerEnv);
  figure(
    'faults-recovery-worker-sigterm',
    await resumed(Date.now()),
    'ms (incl. new worker start)',
  );
  clearInterval(trickle);

  const get = () =>
    fetch(`${apiUrl}/api/mentions?limit=50`, { headers: { cookie } }).then(async (r) => {
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`mentions ${r.status}`);
    });
  async function p95(whileRunning: () => boolean, max = 400): Promise<number> {
    const times: number[] = [];
    while (times.length < max && whileRunning()) {
      const t = performance.now();
      await Promise.all([get(), get()]);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? Number.NaN;
  }
  figure('faults-mentions-p95-no-fault', await p95(() => true, 200), 'ms');

  let storming = true;
  const wsBase = apiUrl.replace(/^http/, 'ws');
  const storm = Promise.all(
    Array.from({ length: STORM_CLIENTS }, () => catchUp(wsBase, 0, cookie)),
  ).finally(() => {
    storming = false;
  });
  figure(`faults-mentions-p95-backfill-storm-${STORM_CLIENTS}`, await p95(() => storming), 'ms');
  const served = await storm;
  figure(
    'faults-storm-clients-turned-away',
    served.filter((s) => s.turnedAway > 0).length,
    'clients',
  );

  let flooding = true;
  const discover = () =>
    fetch(`${apiUrl}/api/sources/discover`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: apiUrl },
      body: JSON.stringify({ url: `${pageBase}/p` }),
    }).then((r) => r.status);
  const flood = (async () => {
    const statuses: number[] = [];
    for (let wave = 0; wave < 3; wave++) {
      statuses.push(...(await Promise.all(Array.from({ length: FLOOD }, discover))));
    }
    return statuses;
  })().finally(() => {
    flooding = false;
  });
  figure(`faults-mentions-p95-discovery-flood-${FLOOD}`, await p95(() => flooding), 'ms');
  const statuses = await flood;
  figure('faults-discovery-admitted', statuses.filter((s) => s === 200).length, 'of flood');
  figure('faults-discovery-refused-busy', statuses.filter((s) => s === 503).length, 'of flood');
} finally {
  for (const child of children) child.kill('SIGKILL');
  for (const res of held) res.destroy();
  pages.close();
  await proxy.close();
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database.drop();
}
