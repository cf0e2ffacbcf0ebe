import type { RedisConnection } from './connection.ts';

const INCREMENT = `local n = redis.call('incr', KEYS[1])
if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
return {n, redis.call('pttl', KEYS[1])}`;

/** Counts one event in a fixed window (failed sign-ins per account); the window starts at the first. */
export async function countInWindow(
  redis: RedisConnection,
  key: string,
  windowMs: number,
): Promise<{ count: number; resetsInMs: number }> {
  const [count, ttl] = (await redis.eval(INCREMENT, 1, key, String(windowMs))) as [number, number];
  return { count, resetsInMs: Math.max(0, ttl) };
}

export async function peekWindow(
  redis: RedisConnection,
  key: string,
): Promise<{ count: number; resetsInMs: number }> {
  const [value, ttl] = await Promise.all([redis.get(key), redis.pttl(key)]);
  return { count: value === null ? 0 : Number(value), resetsInMs: Math.max(0, ttl) };
}

export async function clearWindow(redis: RedisConnection, key: string): Promise<void> {
  await redis.del(key);
}
