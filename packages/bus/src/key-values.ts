import type { RedisConnection } from './connection.ts';

/**
 * Small values with a lifetime (platform sessions, OAuth tokens, login counters), shared by every
 * process so a Bluesky session or Reddit token is reused instead of logging in per job.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  increment(key: string, windowSeconds: number): Promise<number>;
}

export function redisKeyValueStore(redis: RedisConnection, prefix: string): KeyValueStore {
  const full = (key: string) => `${prefix}:kv:${key}`;
  return {
    get: (key) => redis.get(full(key)),
    async set(key, value, ttlSeconds) {
      await redis.set(full(key), value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    },
    async increment(key, windowSeconds) {
      const count = await redis.incr(full(key));
      if (count === 1) await redis.expire(full(key), Math.max(1, Math.ceil(windowSeconds)));
      return count;
    },
  };
}
