import { describe, expect, test } from 'vitest';
import { createSessionCache } from './session-cache.ts';

const viewer = {
  userId: 1,
  email: 'a@b.example',
  displayName: 'A',
  roles: ['officer' as const],
  sessionId: 's1',
  method: 'password' as const,
  expiresAt: new Date(100_000),
};

describe('the session cache', () => {
  test('believes a checked session for a few seconds only', () => {
    const cache = createSessionCache(5_000);
    cache.set('token', viewer, 1_000);
    expect(cache.get('token', 5_999)).toBe(viewer);
    expect(cache.get('token', 6_000)).toBeUndefined();
  });

  test('forgets a session the moment it is ended, and never outlives its expiry', () => {
    const cache = createSessionCache(5_000);
    cache.set('token', viewer, 1_000);
    cache.evictSessions(['s1']);
    expect(cache.get('token', 1_001)).toBeUndefined();
    cache.set('token', viewer, 99_000);
    expect(cache.get('token', 100_000)).toBeUndefined();
  });
});
