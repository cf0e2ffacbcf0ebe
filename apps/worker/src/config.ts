import { FeedPolicyEnv, parseEnv } from '@barometer/core';
import { z } from 'zod';

const WorkerEnv = FeedPolicyEnv.extend({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Namespace for every Redis key and channel, so deployments (and test files) never mix. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('barometer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Which queues this process works: split roles across machines by running several workers. */
  WORKER_QUEUES: z.string().default('schedule,poll,ingest'),
});
export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv(WorkerEnv, env);
}
