import { createOutageLog } from '@barometer/core';
import { Redis } from 'ioredis';

export type RedisConnection = Redis;

interface Logger {
  warn(obj: object, msg: string): void;
  info?(obj: object, msg: string): void;
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
  // It retries every second or so per connection: log the change of state, not every retry.
  const outage = createOutageLog(`Redis (${purpose} connection)`);
  redis.on('error', (err) => {
    const line = outage.failed(Date.now());
    if (line) log?.warn({ err, purpose }, line);
  });
  redis.on('ready', () => {
    const line = outage.succeeded(Date.now());
    if (line) (log?.info ?? log?.warn)?.call(log, { purpose }, line);
  });
  return redis;
}

export async function pingRedis(redis: RedisConnection): Promise<void> {
  await redis.ping();
}

/** How long a polite QUIT may take before the connection is simply dropped. */
const QUIT_TIMEOUT_MS = 1000;

/** Quits politely, or drops the connection when Redis is not answering (refusing or silent). */
export async function closeRedis(redis: RedisConnection): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const quit = redis.quit().then(
    () => true,
    () => false,
  );
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), QUIT_TIMEOUT_MS);
  });
  const polite = await Promise.race([quit, timedOut]);
  clearTimeout(timer);
  if (!polite) redis.disconnect();
}
