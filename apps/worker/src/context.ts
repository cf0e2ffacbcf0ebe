import type { Queues, RedisConnection } from '@barometer/bus';
import type { Database } from '@barometer/db';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.ts';

/** What a job handler may use. Each handler takes only the parts it needs. */
export interface WorkerDeps {
  config: WorkerConfig;
  database: Database;
  queues: Queues;
  /** A plain connection for commands and PUBLISH (never in subscriber mode). */
  redis: RedisConnection;
}

export interface JobContext {
  jobId: string;
  log: Logger;
}
