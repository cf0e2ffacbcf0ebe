import {
  isJobName,
  type JobName,
  type JobPayload,
  jobCatalog,
  parseJobPayload,
  type QueueName,
} from '@barometer/core';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { JobContext, WorkerDeps } from './context.ts';
import { ingestMentions } from './jobs/mentions-ingest.ts';
import { rescoreMentions } from './jobs/mentions-rescore.ts';
import { pollSource } from './jobs/source-poll.ts';
import { schedulePolls } from './jobs/sources-schedule.ts';

type Handler<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: JobContext,
  deps: WorkerDeps,
) => Promise<void>;

/** Every job in the catalog has a handler here, or this does not compile. */
const handlers: { [N in JobName]: Handler<N> } = {
  'sources.schedule': schedulePolls,
  'source.poll': pollSource,
  'mentions.ingest': ingestMentions,
  'mentions.rescore': rescoreMentions,
};

/** Per queue: polls wait on the network, ingest on Postgres; both overlap well. */
const concurrency: Record<QueueName, number> = {
  schedule: 1,
  poll: 20,
  ingest: 8,
};

async function dispatch(job: Job, deps: WorkerDeps, log: Logger): Promise<void> {
  if (!isJobName(job.name)) throw new Error(`no handler for job ${job.name}`);
  const name: JobName = job.name;
  const payload = parseJobPayload(name, job.data);
  const ctx: JobContext = { jobId: job.id ?? '', log: log.child({ job: name, jobId: job.id }) };
  // The cast is the one place the catalog's name->payload link is re-established at run time.
  await (handlers[name] as Handler<typeof name>)(payload as never, ctx, deps);
}

/** Lock timings: a job whose worker died is handed to another after about lockDurationMs. */
export interface LockOptions {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export function startWorkers(
  deps: WorkerDeps,
  queueNames: QueueName[],
  connection: Redis,
  log: Logger,
  locks: LockOptions = {},
): Worker[] {
  return queueNames.map((queue) => {
    const worker = new Worker(queue, (job) => dispatch(job, deps, log), {
      connection,
      prefix: deps.config.REDIS_PREFIX,
      concurrency: concurrency[queue],
      ...(locks.lockDurationMs ? { lockDuration: locks.lockDurationMs } : {}),
      ...(locks.stalledIntervalMs ? { stalledInterval: locks.stalledIntervalMs } : {}),
    });
    worker.on('failed', (job, err) => {
      log.warn({ job: job?.name, jobId: job?.id, err }, `job ${job?.name} failed: ${err.message}`);
    });
    worker.on('error', (err) => log.error({ err, queue }, `worker error on queue ${queue}`));
    return worker;
  });
}

export function isQueueName(name: string): name is QueueName {
  return Object.values(jobCatalog).some((j) => j.queue === name);
}
