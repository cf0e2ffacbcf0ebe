import type { SessionStore } from '../connector.ts';

/** Sessions in process memory, for the CLI and tests (the worker keeps them in Redis). */
export function memorySessionStore(now: () => number = Date.now): SessionStore {
  const values = new Map<string, { value: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = values.get(key);
    if (entry && entry.expiresAt <= now()) values.delete(key);
    return values.get(key);
  };
  return {
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlSeconds) {
      values.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async increment(key, windowSeconds) {
      const entry = live(key);
      const count = Number(entry?.value ?? 0) + 1;
      values.set(key, {
        value: String(count),
        expiresAt: entry?.expiresAt ?? now() + windowSeconds * 1000,
      });
      return count;
    },
  };
}
