import { randomUUID } from 'node:crypto';
import type { RedisConnection } from './connection.ts';

export interface Lock {
  release(): Promise<void>;
  /** Pushes the expiry out again; false when the lock was lost (expired and taken by another). */
  extend(ttlMs: number): Promise<boolean>;
}

const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RETRY_MS = 100;

/**
 * A short Redis lock: waits up to `waitMs` for a holder to finish, or gives up (null). The TTL
 * frees it if its holder dies; only the holder's token can release it. With `renewEveryMs` the
 * holder keeps extending it while alive, so the TTL can be short: a holder that dies (SIGKILL)
 * frees the lock within one TTL instead of one worst-case job length.
 */
export async function acquireLock(
  redis: RedisConnection,
  key: string,
  options: { ttlMs: number; waitMs: number; renewEveryMs?: number },
): Promise<Lock | null> {
  const token = randomUUID();
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const taken = await redis.set(key, token, 'PX', options.ttlMs, 'NX');
    if (taken === 'OK') {
      const renewal =
        options.renewEveryMs === undefined
          ? undefined
          : setInterval(() => {
              // A failed renewal (Redis blip) is harmless: the next one or the TTL settles it.
              redis.eval(EXTEND_IF_OWNER, 1, key, token, options.ttlMs).catch(() => {});
            }, options.renewEveryMs);
      renewal?.unref();
      return {
        release: async () => {
          clearInterval(renewal);
          await redis.eval(RELEASE_IF_OWNER, 1, key, token);
        },
        extend: async (ttlMs) => (await redis.eval(EXTEND_IF_OWNER, 1, key, token, ttlMs)) === 1,
      };
    }
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/**
 * Sets a key that lives as long as Redis keeps its state; true when it was missing, i.e. Redis is
 * new or lost its data (and with it any jobs in flight).
 */
export async function claimEpoch(redis: RedisConnection, key: string): Promise<boolean> {
  return (await redis.set(key, new Date().toISOString(), 'NX')) === 'OK';
}
