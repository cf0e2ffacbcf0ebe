import { booleanFlag, parseEnv, ServiceEnv } from '@barometer/core';
import { z } from 'zod';

const WorkerEnv = ServiceEnv.extend({
  /** Which queues this process works: split roles across machines by running several workers. */
  WORKER_QUEUES: z.string().default('schedule,poll,ingest'),
  /** Run the long-lived stream consumers (Jetstream, Mastodon streaming) in this process. */
  WORKER_STREAMS: booleanFlag.default(true),
});
export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv(WorkerEnv, env);
}
