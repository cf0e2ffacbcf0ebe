import { describe, expect, test } from 'vitest';
import { sessionState } from './session-policy.ts';

const policy = { idleMinutes: 60, absoluteHours: 12 };
const start = new Date('2026-12-01T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const session = {
  lastSeenAt: start,
  expiresAt: at(12 * 60),
  revokedAt: null,
  userDisabledAt: null,
};

describe('a session', () => {
  test('is valid while used, and ends after an hour without a request', () => {
    expect(sessionState(session, at(59), policy)).toBe('valid');
    expect(sessionState(session, at(60), policy)).toBe('idle');
  });

  test('ends at its absolute expiry however busy it is', () => {
    expect(sessionState({ ...session, lastSeenAt: at(719) }, at(720), policy)).toBe('expired');
  });

  test('ends at once when revoked or when its person is disabled', () => {
    expect(sessionState({ ...session, revokedAt: at(1) }, at(2), policy)).toBe('revoked');
    expect(sessionState({ ...session, userDisabledAt: at(1) }, at(2), policy)).toBe('disabled');
  });
});
