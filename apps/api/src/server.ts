import { closeQueues, closeRedis, createQueues, createRedisConnection } from '@barometer/bus';
import { databaseTimeouts, redactionOptions } from '@barometer/core';
import {
  assertSchemaUpToDate,
  assertSecretKeyIfNeeded,
  createDatabase,
  liveSessionIds,
} from '@barometer/db';
import { createLogger, isEntryPoint, runService } from '@barometer/runtime';
import { buildApp } from './app.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { type ApiConfig, loadApiConfig, sessionPolicy } from './config.ts';
import { createLiveHub } from './live/live-hub.ts';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(config: ApiConfig): Promise<RunningApi> {
  const log = createLogger(config.LOG_LEVEL, 'api');
  const database = createDatabase(config.DATABASE_URL, databaseTimeouts(config));
  // Back-fills after a reconnect storm get connections of their own, never the API's.
  const backfillDatabase = createDatabase(config.DATABASE_URL, {
    ...databaseTimeouts(config),
    max: config.LIVE_BACKFILL_CONCURRENCY,
  });
  // A refused start leaves no connection open behind it (a caller may try again).
  await assertSchemaUpToDate(database)
    .then(() => assertSecretKeyIfNeeded(database.pool, config.BAROMETER_SECRET_KEY))
    .catch(async (error: unknown) => {
      await Promise.all([database.close(), backfillDatabase.close()]);
      throw error;
    });
  const redis = createRedisConnection(config.REDIS_URL, 'commands', log);
  const subscriber = createRedisConnection(config.REDIS_URL, 'subscriber', log);
  const queues = createQueues(redis, config.REDIS_PREFIX);
  const sessions = createSessionCache();
  const live = createLiveHub({
    onSessionsEnded: (ids) => sessions.evictSessions(ids),
    subscriber,
    pool: database.pool,
    backfillPool: backfillDatabase.pool,
    backfillConcurrency: config.LIVE_BACKFILL_CONCURRENCY,
    backfillQueueLimit: config.LIVE_BACKFILL_QUEUE,
    prefix: config.REDIS_PREFIX,
    log,
    validSessions: (ids) => liveSessionIds(database.pool, ids, sessionPolicy(config)),
    redaction: redactionOptions(config),
  });
  await live.start();
  const app = await buildApp({ config, database, redis, live, sessions, queues }, log);
  app.addHook('onClose', async () => {
    await live.close();
    await closeQueues(queues);
    await closeRedis(redis);
    await Promise.all([database.close(), backfillDatabase.close()]);
  });
  const address = await app
    .listen({ host: config.HOST, port: config.PORT })
    .catch(async (error) => {
      await app.close();
      throw error;
    });
  return { url: address, close: () => app.close() };
}

if (isEntryPoint(import.meta.url)) runService('api', () => startApiServer(loadApiConfig()));
