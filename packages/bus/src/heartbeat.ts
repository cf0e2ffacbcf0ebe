import type { RedisConnection } from './connection.ts';

/** The key the scheduler stamps each time it has read the due sources from Postgres. */
export function schedulerHeartbeatKey(prefix: string): string {
  return `${prefix}:scheduler:last-tick`;
}

/** Stamps `key` with the time now; it expires on its own so a dead worker leaves no fresh stamp. */
export async function recordHeartbeat(
  redis: RedisConnection,
  key: string,
  now: Date = new Date(),
  ttlMs = 10 * 60_000,
): Promise<void> {
  await redis.set(key, now.toISOString(), 'PX', ttlMs);
}

/** The last stamp, or null; `readable` false when Redis did not answer within `timeoutMs`. */
export async function readHeartbeat(
  redis: RedisConnection,
  key: string,
  timeoutMs = 1000,
): Promise<{ readable: boolean; at: string | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ readable: boolean; at: string | null }>((resolve) => {
    timer = setTimeout(() => resolve({ readable: false, at: null }), timeoutMs);
  });
  const read = redis.get(key).then(
    (at) => ({ readable: true, at }),
    () => ({ readable: false, at: null }),
  );
  const result = await Promise.race([read, timedOut]);
  clearTimeout(timer);
  return result;
}
