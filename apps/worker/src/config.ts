import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const WorkerEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Namespace for every Redis key and channel, so deployments (and test files) never mix. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('barometer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Allow feeds on private/loopback addresses (the local simulator, an intranet feed). */
  ALLOW_PRIVATE_FEEDS: booleanFlag,
  /** Which queues this process works: split roles across machines by running several workers. */
  WORKER_QUEUES: z.string().default('schedule,poll,ingest'),
});
export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = WorkerEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return Object.freeze(parsed.data);
}
