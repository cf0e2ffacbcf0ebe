import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeQueues, createQueues } from '@barometer/bus';
import { createTestDatabase, type TestDatabase, testRedisPrefix } from '@barometer/db/testing';
import { createMailer, hmacSigner } from '@barometer/notify';
import { Redis } from 'ioredis';
import pino from 'pino';
import { loadWorkerConfig, type WorkerConfig } from '../src/config.ts';
import type { JobContext, WorkerDeps } from '../src/context.ts';
import { type RunningWorker, startWorker } from '../src/main.ts';
import type { LockOptions } from '../src/workers.ts';

export interface WorkerTestEnv {
  database: TestDatabase;
  config: WorkerConfig;
  deps: WorkerDeps;
  ctx: JobContext;
  /** An in-process worker on this env; cleanup closes it if the test has not. */
  startWorker(
    overrides?: Partial<WorkerConfig>,
    options?: { scheduleRefreshMs?: number; jobsCloseMs?: number } & LockOptions,
  ): Promise<RunningWorker>;
  /** Empties this file's Redis namespace, as a Redis that lost its state would be. */
  wipeRedis(): Promise<void>;
  cleanup(): Promise<void>;
}

/** A real database and a private Redis namespace for one test file. */
export async function createWorkerTestEnv(label: string): Promise<WorkerTestEnv> {
  const database = await createTestDatabase(label);
  const prefix = testRedisPrefix(label);
  const config = loadWorkerConfig({
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    ALLOW_PRIVATE_FEEDS: 'true',
    LOG_LEVEL: 'silent',
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = createQueues(redis, prefix);
  const log = pino({ level: 'silent' });
  const workers: RunningWorker[] = [];
  const wipeRedis = async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  };
  return {
    database,
    config,
    deps: {
      config,
      database,
      queues,
      redis,
      mailer: createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
      signAck: hmacSigner(config.ALERT_SIGNING_SECRET),
    },
    ctx: { jobId: 'test', log },
    async startWorker(overrides = {}, options = {}) {
      const running = await startWorker({ ...config, ...overrides }, options);
      // A test may close its worker itself; closing twice would quit closed connections.
      let closing: Promise<void> | undefined;
      const handle = { close: () => (closing ??= running.close()), pending: running.pending };
      workers.push(handle);
      return handle;
    },
    wipeRedis,
    async cleanup() {
      for (const worker of workers) await worker.close();
      await closeQueues(queues);
      await wipeRedis();
      await redis.quit();
      await database.drop();
    },
  };
}

/** What a child process needs to share this env's database and Redis namespace. */
export function childEnv(
  env: WorkerTestEnv,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: env.config.DATABASE_URL,
    REDIS_PREFIX: env.config.REDIS_PREFIX,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

/** An enabled RSS query feed polled hourly unless the test says otherwise. */
/** Makes the source due now, so the next scheduler tick polls it. */
export async function makeDue(database: TestDatabase, sourceId: number): Promise<void> {
  await database.pool.query('update sources set next_poll_at = now() where id = $1', [sourceId]);
}

export interface FeedServer {
  url: string;
  requests: number;
  setBody(body: string): void;
  close(): Promise<void>;
}

/** A real HTTP server on loopback serving whatever feed body the test sets. */
export async function startFeedServer(initialBody: string): Promise<FeedServer> {
  let body = initialBody;
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed.rss`,
    get requests() {
      return state.requests;
    },
    setBody(next) {
      body = next;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export function rssFeed(items: { guid: string; title: string; text: string }[]): string {
  const entries = items
    .map(
      (i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>
      <link>https://news.example/${i.guid}</link><description>${i.text}</description>
      <pubDate>Sun, 22 Nov 2026 09:00:00 GMT</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
    <title>Test feed</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

export { addFeedSource } from '@barometer/db/testing';
