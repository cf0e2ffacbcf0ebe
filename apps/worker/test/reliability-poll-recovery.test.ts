import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  addFeedSource,
  childEnv,
  createWorkerTestEnv,
  rssFeed,
  type WorkerTestEnv,
} from './helpers.ts';
import { tallyMentions } from './reliability/fixtures.ts';
import { type ChildHandle, spawnTsx } from './reliability/processes.ts';

// The source's interval. A worker killed mid-poll must not leave it unpolled for longer: its
// job's lock and its host lock both lapse well inside one interval (defaults: 10 s and 6 s).
const INTERVAL_SECONDS = 30;

let env: WorkerTestEnv;
let victim: ChildHandle | undefined;
let successor: ChildHandle | undefined;
const held: ServerResponse[] = [];
let requests = 0;
let feedUrl: string;
const server = createServer((_req, res) => {
  requests++;
  // The first request never gets an answer: the worker holding it is killed mid-poll.
  if (requests === 1) {
    held.push(res);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.end(rssFeed([{ guid: 'p-1', title: 'Northfield General', text: 'Ward 4 was spotless' }]));
});

async function startRealWorker(): Promise<ChildHandle> {
  // The real entry point with its default lock timings: those are what is under test.
  const worker = spawnTsx(
    'apps/worker/src/main.ts',
    childEnv(env, { ALLOW_PRIVATE_FEEDS: 'true', LOG_LEVEL: 'info' }),
  );
  await vi.waitFor(
    () => {
      if (!worker.output().includes('worker started')) throw new Error(worker.output());
    },
    { timeout: 30_000, interval: 50 },
  );
  return worker;
}

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_poll_kill');
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.rss`;
}, 60_000);

afterAll(async () => {
  await victim?.stop('SIGKILL');
  await successor?.stop('SIGKILL');
  for (const res of held) res.destroy();
  await new Promise<void>((r) => server.close(() => r()));
  await env?.cleanup();
});

test('a worker SIGKILLed mid-poll leaves its source unpolled for less than one interval', async () => {
  victim = await startRealWorker();
  await addFeedSource(env.database, {
    name: 'Held feed',
    url: feedUrl,
    pollIntervalSeconds: INTERVAL_SECONDS,
  });
  await vi.waitFor(() => expect(requests).toBe(1), { timeout: 20_000, interval: 20 });
  await victim.stop('SIGKILL');
  const killedAt = Date.now();

  successor = await startRealWorker();
  // Generous, and still the promise: polled again and stored within one interval of the kill.
  await vi.waitFor(
    async () => {
      expect(requests).toBeGreaterThanOrEqual(2);
      expect(await tallyMentions(env.database.pool)).toEqual({ rows: 1, distinct: 1 });
    },
    { timeout: INTERVAL_SECONDS * 1000 - (Date.now() - killedAt), interval: 100 },
  );
}, 90_000);
