import type { QueueName } from '@barometer/core';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { RedisConnection } from './connection.ts';

/** Thrown by a handler when retrying cannot help (a payload that does not validate). */
export { UnrecoverableError as PermanentJobError };

/** A job as a handler sees it: BullMQ's own type stays inside this package. */
export interface ReceivedJob {
  name: string;
  id: string | undefined;
  data: unknown;
  attemptsMade: number;
  attempts: number;
}

interface Logger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ConsumerOptions {
  connection: RedisConnection;
  prefix: string;
  concurrency: Record<QueueName, number>;
  process(job: ReceivedJob): Promise<void>;
  /**
   * An error that is not the job's fault (a store outage): the job goes back without spending an
   * attempt and the queue is held for `holdMs`, so a long outage never exhausts the retries.
   */
  isOutage(error: unknown, job: ReceivedJob): boolean;
  holdMs: number;
  /** After each failed attempt; `final` when no retry is left. */
  onFailed(job: ReceivedJob, error: Error, final: boolean): void;
  /** A job whose worker died is handed to another after about lockDurationMs. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  log: Logger;
}

export interface JobConsumers {
  close(): Promise<void>;
}

function received(job: Job): ReceivedJob {
  return {
    name: job.name,
    id: job.id,
    data: job.data,
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
  };
}

export function consumeQueues(queueNames: QueueName[], options: ConsumerOptions): JobConsumers {
  const workers = queueNames.map((queue) => {
    const processJob = async (job: Job) => {
      try {
        await options.process(received(job));
      } catch (error) {
        if (!options.isOutage(error, received(job))) throw error;
        await worker.rateLimit(options.holdMs);
        throw Worker.RateLimitError();
      }
    };
    const worker: Worker = new Worker(queue, processJob, {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency[queue],
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    });
    worker.on('failed', (job, err) => {
      if (!job) return;
      const r = received(job);
      options.onFailed(r, err, r.attemptsMade >= r.attempts);
    });
    worker.on('error', (err) =>
      options.log.error({ err, queue }, `worker error on queue ${queue}`),
    );
    return worker;
  });
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
