import { testRedisPrefix } from '@barometer/db/testing';
import { afterAll, expect, test, vi } from 'vitest';
import { closeRedis, createRedisConnection } from './connection.ts';
import { acquireLock } from './locks.ts';

const redis = createRedisConnection('redis://127.0.0.1:6379', 'commands');
const prefix = testRedisPrefix('locks');

afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await closeRedis(redis);
});

test('a renewed lock outlives its short TTL while held, and is gone once released', async () => {
  const key = `${prefix}:renewed`;
  const lock = await acquireLock(redis, key, { ttlMs: 400, waitMs: 0, renewEveryMs: 100 });
  expect(lock).not.toBe(null);
  // The TTL only ever falls unless the holder extends it: seeing it rise proves a renewal.
  let lowest = Number.POSITIVE_INFINITY;
  let renewals = 0;
  await vi.waitFor(
    async () => {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      if (ttl > lowest) renewals++;
      lowest = Math.min(lowest, ttl);
      expect(renewals).toBeGreaterThanOrEqual(3);
    },
    { timeout: 10_000, interval: 20 },
  );
  await lock!.release();
  expect(await redis.exists(key)).toBe(0);
});

test('another holder cannot take a held lock, and gets it once the holder releases', async () => {
  const key = `${prefix}:contended`;
  const first = await acquireLock(redis, key, { ttlMs: 5000, waitMs: 0, renewEveryMs: 1000 });
  expect(await acquireLock(redis, key, { ttlMs: 5000, waitMs: 0 })).toBe(null);
  await first!.release();
  const second = await acquireLock(redis, key, { ttlMs: 5000, waitMs: 0 });
  expect(second).not.toBe(null);
  await second!.release();
});
