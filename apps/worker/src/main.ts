import {
  closeQueues,
  closeRedis,
  createQueues,
  createRedisConnection,
  installSchedules,
} from '@barometer/bus';
import { databaseTimeouts } from '@barometer/core';
import { assertSchemaUpToDate, assertSecretKeyIfNeeded, createDatabase } from '@barometer/db';
import { createMailer, hmacSigner } from '@barometer/notify';
import { createLogger, isEntryPoint, runService } from '@barometer/runtime';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';
import type { WorkerDeps } from './context.ts';
import { startRescoreIfNeeded } from './jobs/mentions-rescore.ts';
import { schedules } from './schedules.ts';
import { startStreams } from './streams/start-streams.ts';
import { isQueueName, type LockOptions, startWorkers } from './workers.ts';

export interface RunningWorker {
  /** Rejects naming the jobs it abandoned when they did not finish in time. */
  close(): Promise<void>;
  /** What closing is waiting for right now. */
  pending(): string;
}

/** Active jobs get this long to finish on close; then they are left to another worker. */
const JOBS_CLOSE_MS = 10_000;

function describeActive(active: Partial<Record<string, number>>): string {
  const parts = Object.entries(active).map(([queue, n]) => `${n} ${queue}`);
  return parts.length === 0 ? 'no jobs' : `${parts.join(', ')} job(s)`;
}

function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** How often the schedules are re-installed: if Redis lost its state, ticks resume by then. */
const SCHEDULE_REFRESH_MS = 15_000;

export async function startWorker(
  config: WorkerConfig,
  options: { scheduleRefreshMs?: number; jobsCloseMs?: number } & LockOptions = {},
): Promise<RunningWorker> {
  const queueNames = config.WORKER_QUEUES.split(',').map((q) => q.trim());
  const unknown = queueNames.filter((q) => !isQueueName(q));
  if (unknown.length > 0)
    throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')}`);
  const validQueues = queueNames.filter(isQueueName);
  const log = createLogger(config.LOG_LEVEL, 'worker');
  const database = createDatabase(config.DATABASE_URL, databaseTimeouts(config));
  // A refused start leaves no connection open behind it (a caller may try again).
  await assertSchemaUpToDate(database)
    .then(() => assertSecretKeyIfNeeded(database.pool, config.BAROMETER_SECRET_KEY))
    .catch(async (error: unknown) => {
      await database.close();
      throw error;
    });
  // Separate connections: producers and PUBLISH on one, blocking worker commands on another.
  const redis = createRedisConnection(config.REDIS_URL, 'blocking', log);
  const workerConnection = createRedisConnection(config.REDIS_URL, 'blocking', log);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  for (const queue of Object.values(queues)) {
    queue.on('error', (err) => log.warn({ err, queue: queue.name }, `queue ${queue.name} error`));
  }
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM });
  const signAck = hmacSigner(config.ALERT_SIGNING_SECRET);
  const deps: WorkerDeps = { config, database, queues, redis, mailer, signAck };
  let refresh: NodeJS.Timeout | undefined;
  if (validQueues.includes('schedule')) {
    await installSchedules(queues, schedules);
    if (await startRescoreIfNeeded(deps))
      log.info('stored mentions use an older scorer: re-scoring');
    refresh = setInterval(() => {
      installSchedules(queues, schedules).catch((err: unknown) =>
        log.warn({ err }, 'unable to refresh job schedules; retrying on the next interval'),
      );
    }, options.scheduleRefreshMs ?? SCHEDULE_REFRESH_MS);
  }
  const consumers = startWorkers(deps, validQueues, workerConnection, log, options);
  // Stream consumers live beside the pollers: a process that polls also reads the streams.
  const streams =
    validQueues.includes('poll') && config.WORKER_STREAMS ? startStreams(deps, log) : null;
  log.info({ queues: validQueues }, 'worker started');
  let stage = 'nothing';
  return {
    pending: () => stage,
    async close() {
      clearInterval(refresh);
      await streams?.close();
      // Finish active jobs (each is bounded by the pool's query timeout), then close connections
      // in dependency order. Jobs still running at the deadline are abandoned, not waited on:
      // their locks expire and another worker takes them.
      stage = `active ${describeActive(consumers.active())}`;
      const finishing = consumers.close();
      let abandoned: string | null = null;
      if (!(await within(finishing, options.jobsCloseMs ?? JOBS_CLOSE_MS))) {
        abandoned = describeActive(consumers.active());
        log.warn({ active: consumers.active() }, `abandoning ${abandoned} still running at close`);
        finishing.catch(() => {});
        await within(consumers.close({ force: true }), 2000);
      }
      stage = 'queue connections';
      await within(closeQueues(queues), 2000);
      await Promise.all([closeRedis(redis), closeRedis(workerConnection)]);
      stage = 'database connections';
      mailer.close();
      await database.close();
      stage = 'nothing';
      if (abandoned !== null) {
        throw new Error(
          `stopped, abandoning ${abandoned} that did not finish in time; another worker retries them`,
        );
      }
      log.info('worker stopped');
    },
  };
}

if (isEntryPoint(import.meta.url)) runService('worker', () => startWorker(loadWorkerConfig()));
