import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pollJobId } from '@barometer/core';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  addFeedSource,
  childEnv,
  createWorkerTestEnv,
  makeDue,
  rssFeed,
  type WorkerTestEnv,
} from './helpers.ts';
import { tallyMentions } from './reliability/fixtures.ts';
import { queueEventCount } from './reliability/ingest-load.ts';
import { type ChildHandle, startWorkerProcess } from './reliability/processes.ts';
import { proxyPostgres, type TcpProxy } from './reliability/tcp-proxy.ts';

const item = (n: number) => ({
  guid: `p-${n}`,
  title: `Northfield General story ${n}`,
  text: 'Staff were kind',
});

let env: WorkerTestEnv;
let proxy: TcpProxy | undefined;
let worker: ChildHandle | undefined;
let feed: Server | undefined;
let feedUrl: string;
let body = rssFeed([item(1), item(2)]);
const held: (() => void)[] = [];
let holding = false;

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_pg_poll');
  // A feed that can hold its answer, so Postgres can be cut while a poll is in flight.
  feed = createServer((_req, res) => {
    const answer = () => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(body);
    };
    if (holding) held.push(answer);
    else answer();
  });
  await new Promise<void>((r) => feed!.listen(0, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/feed.rss`;
  const viaProxy = await proxyPostgres(env.config.DATABASE_URL);
  proxy = viaProxy.proxy;
  worker = await startWorkerProcess(
    childEnv(env, {
      DATABASE_URL: viaProxy.url,
      ALLOW_PRIVATE_FEEDS: 'true',
      TEST_SCHEDULE_REFRESH_MS: '500',
    }),
  );
}, 60_000);

afterAll(async () => {
  for (const answer of held.splice(0)) answer();
  await proxy?.restore().catch(() => undefined);
  await worker?.stop('SIGKILL');
  await proxy?.close();
  feed?.closeAllConnections();
  await new Promise((r) => (feed ? feed.close(r) : r(undefined)));
  await env?.cleanup();
});

test('a poll that fails because Postgres went away does not stop the source being polled again', async () => {
  const source = await addFeedSource(env.database, { name: 'Northfield news', url: feedUrl });
  await vi.waitFor(async () => expect((await tallyMentions(env.database.pool)).rows).toBe(2), {
    timeout: 30_000,
    interval: 50,
  });

  // The next poll fetches, then finds Postgres gone when it records the result.
  holding = true;
  body = rssFeed([item(1), item(2), item(3)]);
  await makeDue(env.database, source.id);
  await vi.waitFor(() => expect(held.length).toBe(1), { timeout: 30_000, interval: 20 });
  await proxy!.cut();
  holding = false;
  for (const answer of held.splice(0)) answer();
  // Counted from BullMQ's events stream: failed poll jobs are removed.
  await vi.waitFor(
    async () => expect(await queueEventCount(env, 'poll', 'failed', pollJobId(source.id))).toBe(1),
    { timeout: 30_000, interval: 50 },
  );
  await proxy!.restore();

  // The source is still due; once Postgres is back its polls resume and nothing is missed.
  body = rssFeed([item(1), item(2), item(3), item(4)]);
  await vi.waitFor(
    async () => expect(await tallyMentions(env.database.pool)).toEqual({ rows: 4, distinct: 4 }),
    { timeout: 30_000, interval: 100 },
  );
  expect(worker!.exited()).toBe(false);
}, 90_000);
