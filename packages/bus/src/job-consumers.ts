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

/**
 * BullMQ's defaults (30 s lock, 30 s stall check) left a killed worker's jobs "active" for about
 * a minute and a half. The lock is renewed every half lockDuration while the worker lives, so a
 * shorter one only costs a renewal every 5 s; a job is handed over 10-15 s after its worker dies.
 * Jobs are idempotent, so the rare double run when an event loop stalls >10 s is harmless; two
 * stalls are allowed before a job is failed for it.
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
const MAX_STALLED_COUNT = 2;

export interface JobConsumers {
  /**
   * Stops taking jobs and waits for the active ones; `force` stops at once, leaving active jobs
   * to be handed to another worker when their locks expire.
   */
  close(options?: { force?: boolean }): Promise<void>;
  /** Jobs in this process's hands now, per queue (only queues with any). */
  active(): Partial<Record<QueueName, number>>;
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
  const inHand: Partial<Record<QueueName, number>> = {};
  const workers = queueNames.map((queue) => {
    const processJob = async (job: Job) => {
      inHand[queue] = (inHand[queue] ?? 0) + 1;
      try {
        await options.process(received(job));
      } catch (error) {
        if (!options.isOutage(error, received(job))) throw error;
        await worker.rateLimit(options.holdMs);
        throw Worker.RateLimitError();
      } finally {
        inHand[queue] = (inHand[queue] ?? 1) - 1;
      }
    };
    const worker: Worker = new Worker(queue, processJob, {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency[queue],
      lockDuration: options.lockDurationMs ?? LOCK_DURATION_MS,
      stalledInterval: options.stalledIntervalMs ?? STALLED_INTERVAL_MS,
      maxStalledCount: MAX_STALLED_COUNT,
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
    async close(closeOptions = {}) {
      await Promise.all(workers.map((w) => w.close(closeOptions.force === true)));
    },
    active() {
      return Object.fromEntries(Object.entries(inHand).filter(([, n]) => (n ?? 0) > 0));
    },
  };
}
