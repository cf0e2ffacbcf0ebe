import {
  type JobName,
  type JobPayload,
  jobCatalog,
  parseJobPayload,
  QUEUE_NAMES,
  type QueueName,
} from '@barometer/core';
import { type JobsOptions, Queue } from 'bullmq';
import type { RedisConnection as Redis } from './connection.ts';

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: Redis, prefix: string): Queues {
  const entries = QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix })]);
  return Object.fromEntries(entries) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

function defaultOptions(name: JobName): JobsOptions {
  return {
    attempts: jobCatalog[name].attempts,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    // Failed jobs stay a while for inspection, unless their payload carries mention text.
    removeOnFail: jobCatalog[name].keepFailed ? { age: 24 * 3600, count: 1000 } : true,
  };
}

/** Validates the payload on the way in, as the worker does on the way out. */
export async function enqueue<N extends JobName>(
  queues: Queues,
  name: N,
  payload: JobPayload<N>,
  options: JobsOptions = {},
): Promise<void> {
  const data = parseJobPayload(name, payload);
  await queues[jobCatalog[name].queue].add(name, data, { ...defaultOptions(name), ...options });
}

export async function enqueueMany<N extends JobName>(
  queues: Queues,
  name: N,
  jobs: { payload: JobPayload<N>; options?: JobsOptions }[],
): Promise<void> {
  if (jobs.length === 0) return;
  await queues[jobCatalog[name].queue].addBulk(
    jobs.map((j) => ({
      name,
      data: parseJobPayload(name, j.payload),
      opts: { ...defaultOptions(name), ...j.options },
    })),
  );
}
