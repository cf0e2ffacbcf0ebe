import type { Queues, RedisConnection } from '@barometer/bus';
import type { Database } from '@barometer/db';
import type { SessionCache } from './auth/session-cache.ts';
import type { ApiConfig } from './config.ts';
import type { LiveHub } from './live/live-hub.ts';

export interface ApiDeps {
  config: ApiConfig;
  database: Database;
  /** Commands and PUBLISH; the live hub owns its own subscriber connection. */
  redis: RedisConnection;
  live: LiveHub;
  /** The typed job producer: "Poll now" enqueues at once, later alerts and reports. */
  queues: Queues;
  /** Recently checked sessions; evicted when sessions end anywhere. */
  sessions: SessionCache;
}

export type { Queues };
