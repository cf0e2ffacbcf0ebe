import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { assertSchemaUpToDate, createDatabase } from '@barometer/db';
import { Redis } from 'ioredis';
import { loadWorkerConfig, type WorkerConfig } from './config.ts';
import type { WorkerDeps } from './context.ts';
import { startRescoreIfNeeded } from './jobs/mentions-rescore.ts';
import { createLogger } from './logger.ts';
import { closeQueues, createQueues } from './queues.ts';
import { installSchedules } from './schedules.ts';
import { isQueueName, type LockOptions, startWorkers } from './workers.ts';

export interface RunningWorker {
  close(): Promise<void>;
}

/** How often the schedules are re-installed: if Redis lost its state, ticks resume by then. */
const SCHEDULE_REFRESH_MS = 15_000;

export async function startWorker(
  config: WorkerConfig,
  options: { scheduleRefreshMs?: number } & LockOptions = {},
): Promise<RunningWorker> {
  const queueNames = config.WORKER_QUEUES.split(',').map((q) => q.trim());
  const unknown = queueNames.filter((q) => !isQueueName(q));
  if (unknown.length > 0)
    throw new Error(`WORKER_QUEUES names unknown queues: ${unknown.join(', ')}`);
  const validQueues = queueNames.filter(isQueueName);
  const log = createLogger(config.LOG_LEVEL, 'worker');
  const database = createDatabase(config.DATABASE_URL);
  // A refused start leaves no connection open behind it (a caller may try again).
  await assertSchemaUpToDate(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  // Separate connections: producers and PUBLISH on one, blocking worker commands on another.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const workerConnection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on('error', (err) => log.warn({ err }, 'redis connection error; reconnecting'));
  workerConnection.on('error', (err) =>
    log.warn({ err }, 'redis worker connection error; reconnecting'),
  );
  const queues = createQueues(redis, config.REDIS_PREFIX);
  for (const queue of Object.values(queues)) {
    queue.on('error', (err) => log.warn({ err, queue: queue.name }, `queue ${queue.name} error`));
  }
  const deps: WorkerDeps = { config, database, queues, redis };
  let refresh: NodeJS.Timeout | undefined;
  if (validQueues.includes('schedule')) {
    await installSchedules(queues);
    if (await startRescoreIfNeeded(deps))
      log.info('stored mentions use an older scorer: re-scoring');
    refresh = setInterval(() => {
      installSchedules(queues).catch((err: unknown) =>
        log.warn({ err }, 'unable to refresh job schedules; retrying on the next interval'),
      );
    }, options.scheduleRefreshMs ?? SCHEDULE_REFRESH_MS);
  }
  const workers = startWorkers(deps, validQueues, workerConnection, log, options);
  log.info({ queues: validQueues }, 'worker started');
  return {
    async close() {
      clearInterval(refresh);
      // Finish active jobs, then close connections in dependency order.
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues(queues);
      await Promise.all([redis.quit(), workerConnection.quit()]);
      await database.close();
      log.info('worker stopped');
    },
  };
}

// Compared as real file URLs: a symlinked install path or a space in it must still start the service.
const entry = process.argv[1];
const isEntryPoint =
  entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
if (isEntryPoint) {
  const config = loadWorkerConfig();
  startWorker(config).then(
    (worker) => {
      let closing = false;
      const stop = () => {
        if (closing) return;
        closing = true;
        worker.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
