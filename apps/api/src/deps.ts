import type { Database } from '@barometer/db';
import type { Redis } from 'ioredis';
import type { ApiConfig } from './config.ts';
import type { LiveHub } from './live/live-hub.ts';

export interface ApiDeps {
  config: ApiConfig;
  database: Database;
  /** Commands only (health checks); the live hub owns its own subscriber connection. */
  redis: Redis;
  live: LiveHub;
}
