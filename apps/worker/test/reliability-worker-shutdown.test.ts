import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { childEnv, createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';
import { tallyMentions } from './reliability/fixtures.ts';
import {
  addBusySource,
  EXPECTED,
  enqueueLoad,
  queueEventCount,
  waitForWholeLoad,
  waitUntilMidway,
} from './reliability/ingest-load.ts';
import { type ChildHandle, spawnTsx } from './reliability/processes.ts';

let env: WorkerTestEnv;
let worker: ChildHandle | undefined;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_sigterm');
});

afterAll(async () => {
  await worker?.stop('SIGKILL');
  await env?.cleanup();
});

test('a worker stopped with SIGTERM mid-batch finishes its active jobs and exits cleanly', async () => {
  const source = await addBusySource(env);
  // The real entry point, with its own signal handling.
  worker = spawnTsx(
    'apps/worker/src/main.ts',
    childEnv(env, { WORKER_QUEUES: 'ingest', LOG_LEVEL: 'info' }),
  );
  const exit = new Promise<number | null>((r) => worker!.child.once('exit', (code) => r(code)));
  await vi.waitFor(
    () => {
      if (!worker!.output().includes('worker started')) throw new Error(worker!.output());
    },
    { timeout: 30_000, interval: 50 },
  );
  await enqueueLoad(env, source.id, 't');
  await waitUntilMidway(env);

  worker.child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(worker.output()).toContain('worker stopped');
  // Nothing was left in the active list for another worker to detect as stalled.
  const afterExit = await env.deps.queues.ingest.getJobCounts('active', 'failed');
  expect(afterExit).toEqual({ active: 0, failed: 0 });
  expect((await tallyMentions(env.database.pool)).rows).toBeLessThan(EXPECTED);

  await env.startWorker(
    { WORKER_QUEUES: 'ingest' },
    { lockDurationMs: 2000, stalledIntervalMs: 1000 },
  );
  await waitForWholeLoad(env);
  expect(await queueEventCount(env, 'ingest', 'stalled')).toBe(0);
}, 90_000);
