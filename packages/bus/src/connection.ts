import { Redis } from 'ioredis';

export type RedisConnection = Redis;

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * What a connection is for decides how it fails: `commands` gives up on a command after one
 * retry (health checks, API requests answer at once), `blocking` waits for Redis forever (BullMQ
 * workers and producers need that), `subscriber` is a pub/sub connection.
 */
export type ConnectionPurpose = 'commands' | 'blocking' | 'subscriber';

export function createRedisConnection(
  url: string,
  purpose: ConnectionPurpose,
  log?: Logger,
): RedisConnection {
  const redis = new Redis(url, {
    maxRetriesPerRequest: purpose === 'commands' ? 1 : null,
  });
  // ioredis reconnects by itself; without a listener it would print raw errors past the logger.
  redis.on('error', (err) =>
    log?.warn({ err, purpose }, `redis ${purpose} connection error; reconnecting`),
  );
  return redis;
}

export async function pingRedis(redis: RedisConnection): Promise<void> {
  await redis.ping();
}

/** Quits politely, or drops the connection when Redis is not answering. */
export async function closeRedis(redis: RedisConnection): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
