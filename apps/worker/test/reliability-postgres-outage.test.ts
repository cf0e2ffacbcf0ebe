import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { childEnv, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { queueState, tallyMentions } from './reliability/fixtures.ts';
import {
  addBusySource,
  EXPECTED,
  enqueueLoad,
  waitForWholeLoad,
} from './reliability/ingest-load.ts';
import {
  type ApiProcess,
  type ChildHandle,
  startApiProcess,
  startWorkerProcess,
} from './reliability/processes.ts';
import { proxyPostgres, type TcpProxy } from './reliability/tcp-proxy.ts';

let env: WorkerTestEnv;
let proxy: TcpProxy | undefined;
let worker: ChildHandle | undefined;
let api: ApiProcess | undefined;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_pg');
  const viaProxy = await proxyPostgres(env.config.DATABASE_URL);
  proxy = viaProxy.proxy;
  const common = childEnv(env, { DATABASE_URL: viaProxy.url });
  [worker, api] = await Promise.all([
    startWorkerProcess({ ...common, WORKER_QUEUES: 'ingest' }),
    startApiProcess(common),
  ]);
}, 90_000);

afterAll(async () => {
  await proxy?.restore().catch(() => undefined);
  await worker?.stop('SIGKILL');
  await api?.stop('SIGKILL');
  await proxy?.close();
  await env?.cleanup();
});

async function readiness(): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${api!.url}/api/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

test('ingest jobs caught by a Postgres outage wait without spending attempts and land exactly once', async () => {
  const source = await addBusySource(env);
  expect(await readiness()).toEqual({
    status: 200,
    body: { status: 'ready', postgres: 'ok', redis: 'ok' },
  });
  await enqueueLoad(env, source.id, 'pg');
  await vi.waitFor(
    async () => {
      if ((await tallyMentions(env.database.pool)).rows > 0) return;
      throw new Error(`nothing stored yet; worker output:\n${worker!.output()}`);
    },
    { timeout: 30_000, interval: 5 },
  );

  await proxy!.cut();
  const atCut = await tallyMentions(env.database.pool);
  expect(atCut.rows).toBeLessThan(EXPECTED);

  // While Postgres is unreachable the queue is held: jobs wait without spending an attempt, so
  // however long the outage lasts, none runs out of retries.
  await vi.waitFor(
    async () => expect(await env.deps.queues.ingest.getRateLimitTtl()).toBeGreaterThan(0),
    { timeout: 20_000, interval: 20 },
  );
  const held = await env.deps.queues.ingest.getJobs(['waiting', 'active', 'delayed']);
  expect(held.length).toBeGreaterThan(0);
  expect(held.map((j) => j.attemptsMade)).toEqual(held.map(() => 0));
  const cut = await readiness();
  expect(cut.status).toBe(503);
  expect(cut.body).toMatchObject({ status: 'unavailable', redis: 'ok' });
  expect(cut.body.postgres).toBe('database not answering');
  expect(JSON.stringify(cut.body)).not.toMatch(/127\.0\.0\.1|\d+\.\d+\.\d+\.\d+|:\d{2,5}/);
  expect((await queueState(env.deps.queues.ingest)).failed).toBe(0);
  expect(worker!.exited()).toBe(false);

  await proxy!.restore();
  await waitForWholeLoad(env);
  expect(worker!.exited()).toBe(false);
  await vi.waitFor(async () => expect((await readiness()).status).toBe(200), {
    timeout: 10_000,
    interval: 100,
  });
}, 90_000);
