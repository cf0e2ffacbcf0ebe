import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import {
  addFeedSource,
  createWorkerTestEnv,
  type FeedServer,
  rssFeed,
  startFeedServer,
  type WorkerTestEnv,
} from './helpers.ts';

const INTERVAL_SECONDS = 60;

let env: WorkerTestEnv;
let good: FeedServer;
const servers: Server[] = [];

/** A loopback server answering every request the same way. */
async function serve(status: number, contentType: string, body: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
}

beforeAll(async () => {
  env = await createWorkerTestEnv('rel_hostile');
  good = await startFeedServer(
    rssFeed([
      { guid: 'g-1', title: 'Northfield General praised', text: 'Lovely staff' },
      { guid: 'g-2', title: 'Northfield General parking', text: 'No spaces again' },
    ]),
  );
});

afterAll(async () => {
  await env?.cleanup();
  await good?.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

interface Health {
  name: string;
  status: string;
  last_error: string | null;
  consecutive_failures: number;
  backoff_seconds: number;
  mentions: number;
}

async function health(): Promise<Health[]> {
  const { rows } = await env.database.pool.query<Health>(
    `select s.name, s.status, s.last_error, s.consecutive_failures,
            extract(epoch from s.next_poll_at - s.last_attempt_at)::float as backoff_seconds,
            (select count(*)::int from mentions m where m.source_id = s.id) as mentions
     from sources s where s.last_attempt_at is not null order by s.name`,
  );
  return rows;
}

test('refusing, failing and garbage hosts are marked failing and backed off while a good feed is ingested', async () => {
  const feeds = {
    'a refused': `http://127.0.0.1:${await freePort()}/feed`,
    'b error 500': await serve(500, 'text/plain', 'internal error'),
    'c garbage': await serve(200, 'text/html', '<html><body>Not a feed at all {{{</body>'),
    'd good': good.url,
  };
  for (const [name, url] of Object.entries(feeds)) {
    await addFeedSource(env.database, { name, url, pollIntervalSeconds: INTERVAL_SECONDS });
  }
  await env.startWorker({}, { scheduleRefreshMs: 500 });

  await vi.waitFor(
    async () => {
      const rows = await health();
      expect(rows.map((r) => r.name)).toEqual(Object.keys(feeds));
      expect(rows.at(-1)?.mentions).toBe(2);
    },
    { timeout: 20_000, interval: 50 },
  );
  const rows = await health();
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  expect(byName['d good']).toMatchObject({ status: 'healthy', consecutive_failures: 0 });
  const expectedErrors: Record<string, RegExp> = {
    'a refused': /^connection refused$/,
    'b error 500': /^HTTP 500$/,
    'c garbage': /^not a feed/,
  };
  for (const [name, message] of Object.entries(expectedErrors)) {
    const row = byName[name]!;
    expect(row).toMatchObject({ status: 'failing', consecutive_failures: 1, mentions: 0 });
    // Plain words for the sources page: no stack trace, no internal error name, no body echo.
    expect(row.last_error).toMatch(message);
    expect(row.last_error).not.toMatch(/\bat \S+ \(|ECONNREFUSED|Error|undefined|\{\{\{/);
    // Backed off: the next poll is later than the usual interval.
    expect(row.backoff_seconds).toBeGreaterThan(INTERVAL_SECONDS);
  }
});
