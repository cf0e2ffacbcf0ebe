import type { RedisConnection } from './connection.ts';

/**
 * Keeps a short-lived value that can be read once (a sign-in in progress: its PKCE verifier,
 * state and nonce). The TTL drops abandoned ones; `takeOnce` deletes as it reads, so a value
 * cannot be replayed.
 */
export async function putOnce(
  redis: RedisConnection,
  key: string,
  value: string,
  ttlMs: number,
): Promise<void> {
  await redis.set(key, value, 'PX', ttlMs);
}

export async function takeOnce(redis: RedisConnection, key: string): Promise<string | null> {
  return redis.getdel(key);
}
