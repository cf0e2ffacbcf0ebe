import { afterAll, beforeAll, expect, test } from 'vitest';
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
import { type ChildHandle, startWorkerProcess } from './reliability/processes.ts';

let env: WorkerTestEnv;
let victim: ChildHandle | undefined;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_kill');
});

afterAll(async () => {
  await victim?.stop('SIGKILL');
  await env?.cleanup();
});

test('a worker killed mid-job loses nothing and stores nothing twice once another takes over', async () => {
  const source = await addBusySource(env);
  victim = await startWorkerProcess(childEnv(env, { WORKER_QUEUES: 'ingest' }));
  await enqueueLoad(env, source.id, 'k');

  // Kill it the moment it has stored some batches while others are still in its hands.
  const activeAtKill = await waitUntilMidway(env, () => `; worker output:\n${victim?.output()}`);
  await victim.stop('SIGKILL');
  const atKill = await tallyMentions(env.database.pool);
  expect(atKill.rows).toBeGreaterThan(0);
  expect(atKill.rows).toBeLessThan(EXPECTED);
  expect(activeAtKill).toBeGreaterThan(0);

  await env.startWorker(
    { WORKER_QUEUES: 'ingest' },
    { lockDurationMs: 2000, stalledIntervalMs: 1000 },
  );
  await waitForWholeLoad(env);
  // The jobs the victim held were handed over as stalled, not dropped.
  expect(await queueEventCount(env, 'ingest', 'stalled')).toBeGreaterThanOrEqual(activeAtKill);
}, 90_000);
