import { addSignedInUser } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { childEnv, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { tallyMentions } from './reliability/fixtures.ts';
import {
  addBusySource,
  EXPECTED,
  enqueueLoad,
  waitForWholeLoad,
  waitUntilMidway,
} from './reliability/ingest-load.ts';
import {
  type ApiProcess,
  type ChildHandle,
  spawnTsx,
  startApiProcess,
} from './reliability/processes.ts';
import { proxyPostgres, type TcpProxy } from './reliability/tcp-proxy.ts';

// Postgres that keeps connections open but never answers: every wait on it must be bounded.
// Short bounds keep the test quick; production defaults are 15 s / 20 s.
const TIMEOUTS = { DATABASE_STATEMENT_TIMEOUT_MS: '1500', DATABASE_QUERY_TIMEOUT_MS: '2000' };

let env: WorkerTestEnv;
let proxy: TcpProxy | undefined;
let worker: ChildHandle | undefined;
let workerExit: Promise<number | null>;
let api: ApiProcess | undefined;
let cookie = '';

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_pg_hole');
  ({ cookie } = await addSignedInUser(env.database.pool, ['officer']));
  const viaProxy = await proxyPostgres(env.config.DATABASE_URL);
  proxy = viaProxy.proxy;
  const common = childEnv(env, { DATABASE_URL: viaProxy.url, ...TIMEOUTS });
  worker = spawnTsx('apps/worker/src/main.ts', {
    ...common,
    WORKER_QUEUES: 'ingest',
    LOG_LEVEL: 'info',
  });
  workerExit = new Promise((r) => worker!.child.once('exit', (code) => r(code)));
  api = await startApiProcess(common);
  await vi.waitFor(
    () => {
      if (!worker!.output().includes('worker started')) throw new Error(worker!.output());
    },
    { timeout: 30_000, interval: 50 },
  );
}, 90_000);

afterAll(async () => {
  proxy?.heal();
  await worker?.stop('SIGKILL');
  await api?.stop('SIGKILL');
  await proxy?.close();
  await env?.cleanup();
});

async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  // Our own generous bound: a hung answer fails the test rather than hanging it. A load
  // balancer's readiness probe carries no session; data routes do.
  const res = await fetch(`${api!.url}${path}`, {
    headers: path === '/api/ready' ? {} : { cookie },
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.json() };
}

test('a black-holed Postgres makes the API say so at once and the worker resume by itself, losing nothing', async () => {
  const source = await addBusySource(env);
  await enqueueLoad(env, source.id, 'h');
  await waitUntilMidway(env, () => `; worker output:\n${worker!.output()}`);

  proxy!.blackHole();
  const ready = await getJson('/api/ready');
  expect(ready).toEqual({
    status: 503,
    body: { status: 'unavailable', postgres: 'database not answering', redis: 'ok' },
  });
  const list = await getJson('/api/mentions');
  expect(list.status).toBe(503);
  expect(list.body).toMatchObject({ error: { code: 'unavailable' } });
  expect(JSON.stringify(list.body)).toMatch(/database is not answering/);

  // The worker notices (its queries time out) and holds the queue instead of hanging on it.
  await vi.waitFor(
    async () => expect(await env.deps.queues.ingest.getRateLimitTtl()).toBeGreaterThan(0),
    { timeout: 20_000, interval: 50 },
  );
  expect((await tallyMentions(env.database.pool)).rows).toBeLessThan(EXPECTED);

  proxy!.heal();
  await waitForWholeLoad(env);
  await vi.waitFor(async () => expect((await getJson('/api/ready')).status).toBe(200), {
    timeout: 15_000,
    interval: 200,
  });
}, 120_000);

test('SIGTERM while Postgres is black-holed stops the worker and the API in bounded time', async () => {
  const source = await addBusySource(env);
  await enqueueLoad(env, source.id, 'x');
  await waitUntilMidway(env);
  proxy!.blackHole();
  const apiExit = new Promise<number | null>((r) => api!.child.once('exit', (code) => r(code)));
  worker!.child.kill('SIGTERM');
  api!.child.kill('SIGTERM');
  // Generous: the deadline inside is 15 s; what matters is that both exit at all.
  const bound = (p: Promise<number | null>) =>
    Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 30_000))]);
  const [workerCode, apiCode] = await Promise.all([bound(workerExit), bound(apiExit)]);
  expect(workerCode, worker!.output()).not.toBe('hung');
  expect(apiCode, api!.output()).not.toBe('hung');
  // A close that had to give up exits non-zero and says what it abandoned.
  if (workerCode !== 0) expect(worker!.output()).toMatch(/abandoning/);
  if (apiCode !== 0) expect(api!.output()).toMatch(/abandoning/);
}, 60_000);
