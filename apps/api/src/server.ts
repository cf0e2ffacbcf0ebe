import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { assertSchemaUpToDate, createDatabase } from '@barometer/db';
import { Redis } from 'ioredis';
import pino from 'pino';
import { buildApp } from './app.ts';
import { type ApiConfig, loadApiConfig } from './config.ts';
import { createLiveHub } from './live/live-hub.ts';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

export async function startApiServer(config: ApiConfig): Promise<RunningApi> {
  const log = pino({ level: config.LOG_LEVEL, name: 'api' });
  const database = createDatabase(config.DATABASE_URL);
  // A refused start leaves no connection open behind it (a caller may try again).
  await assertSchemaUpToDate(database).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  // ioredis reconnects by itself; without listeners it would print raw errors past the logger.
  redis.on('error', (err) => log.warn({ err }, 'redis connection error; reconnecting'));
  subscriber.on('error', (err) => log.warn({ err }, 'redis subscriber error; reconnecting'));
  const live = createLiveHub({ subscriber, pool: database.pool, prefix: config.REDIS_PREFIX, log });
  await live.start();
  const app = await buildApp({ config, database, redis, live }, log);
  app.addHook('onClose', async () => {
    await live.close();
    await redis.quit();
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

// Compared as real file URLs: a symlinked install path or a space in it must still start the service.
const entry = process.argv[1];
const isEntryPoint =
  entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
if (isEntryPoint) {
  const config = loadApiConfig();
  startApiServer(config).then(
    (api) => {
      let closing = false;
      const stop = () => {
        if (closing) return;
        closing = true;
        api.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`api: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
