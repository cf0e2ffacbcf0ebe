import { closeQueues, closeRedis, createQueues, createRedisConnection } from '@barometer/bus';
import {
  assertSchemaUpToDate,
  assertSecretKeyIfNeeded,
  createDatabase,
  liveSessionIds,
} from '@barometer/db';
import { createLogger, isEntryPoint, runService } from '@barometer/runtime';
import { buildApp } from './app.ts';
import { createSessionCache } from './auth/session-cache.ts';
import { type ApiConfig, loadApiConfig } from './config.ts';
import { createLiveHub } from './live/live-hub.ts';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(config: ApiConfig): Promise<RunningApi> {
  const log = createLogger(config.LOG_LEVEL, 'api');
  const database = createDatabase(config.DATABASE_URL);
  // A refused start leaves no connection open behind it (a caller may try again).
  await assertSchemaUpToDate(database)
    .then(() => assertSecretKeyIfNeeded(database.pool, config.BAROMETER_SECRET_KEY))
    .catch(async (error: unknown) => {
      await database.close();
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
    prefix: config.REDIS_PREFIX,
    log,
    validSessions: (ids) => liveSessionIds(database.pool, ids, config.SESSION_IDLE_MINUTES),
  });
  await live.start();
  const app = await buildApp({ config, database, redis, live, sessions, queues }, log);
  app.addHook('onClose', async () => {
    await live.close();
    await closeQueues(queues);
    await closeRedis(redis);
    await database.close();
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
