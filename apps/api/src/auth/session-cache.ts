import type { Viewer } from '../plugins/auth.ts';

/** How long a checked session is believed without asking Postgres again. */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Recently checked sessions, keyed by token, so a busy dashboard does not look its session up on
 * every request. Sign-out, revocation and disabling evict at once (through the bus on every API
 * instance); anything else that ends a session (expiry) is seen within SESSION_CACHE_MS.
 */
export interface SessionCache {
  get(token: string, now: number): Viewer | undefined;
  set(token: string, viewer: Viewer, now: number): void;
  evictSessions(sessionIds: readonly string[]): void;
}

export function createSessionCache(ttlMs = SESSION_CACHE_MS): SessionCache {
  const entries = new Map<string, { viewer: Viewer; until: number }>();
  return {
    get(token, now) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (entry.until <= now || entry.viewer.expiresAt.getTime() <= now) {
        entries.delete(token);
        return undefined;
      }
      return entry.viewer;
    },
    set(token, viewer, now) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(token, { viewer, until: now + ttlMs });
    },
    evictSessions(sessionIds) {
      const ended = new Set(sessionIds);
      for (const [token, entry] of entries) {
        if (ended.has(entry.viewer.sessionId)) entries.delete(token);
      }
    },
  };
}
