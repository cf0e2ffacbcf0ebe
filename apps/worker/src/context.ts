import type { Queues, RedisConnection } from '@barometer/bus';
import type { AckSigner } from '@barometer/core';
import type { Database } from '@barometer/db';
import type { Mailer } from '@barometer/notify';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config.ts';

/** What a job handler may use. Each handler takes only the parts it needs. */
export interface WorkerDeps {
  config: WorkerConfig;
  database: Database;
  queues: Queues;
  /** A plain connection for commands and PUBLISH (never in subscriber mode). */
  redis: RedisConnection;
  /** The SMTP client alerts are e-mailed with, and the signer of their acknowledgement links. */
  mailer: Mailer;
  signAck: AckSigner;
}

export interface JobContext {
  jobId: string;
  log: Logger;
}
