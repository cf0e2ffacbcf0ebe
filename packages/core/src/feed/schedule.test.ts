import { describe, expect, test } from 'vitest';
import {
  backoffSeconds,
  delayAfterSuccess,
  outcomeAfterFailure,
  outcomeAfterSuccess,
  POLL_POLICY,
} from './schedule.ts';

const now = new Date('2026-09-01T10:00:00Z');
const noHints = { retryAfterSeconds: null, maxAgeSeconds: null };

describe('next poll after success', () => {
  test('H1: max-age stretches the interval (900 s beats a 300 s interval)', () => {
    expect(delayAfterSuccess(300, { retryAfterSeconds: null, maxAgeSeconds: 900 })).toBe(900);
  });

  test('the interval wins over a shorter max-age, and everything is clamped', () => {
    expect(delayAfterSuccess(300, { retryAfterSeconds: null, maxAgeSeconds: 0 })).toBe(300);
    expect(delayAfterSuccess(10, noHints)).toBe(POLL_POLICY.minIntervalSeconds);
    expect(delayAfterSuccess(300, { retryAfterSeconds: null, maxAgeSeconds: 10 ** 9 })).toBe(
      POLL_POLICY.maxIntervalSeconds,
    );
  });

  test('a success resets failures and marks the source healthy', () => {
    const outcome = outcomeAfterSuccess(300, noHints, now);
    expect(outcome).toMatchObject({ status: 'healthy', consecutiveFailures: 0, delaySeconds: 300 });
    expect(outcome.nextPollAt.toISOString()).toBe('2026-09-01T10:05:00.000Z');
  });
});

describe('backoff after failure', () => {
  const failure = (
    previousFailures: number,
    extra: Partial<Parameters<typeof outcomeAfterFailure>[0]> = {},
  ) =>
    outcomeAfterFailure({
      intervalSeconds: 300,
      previousFailures,
      permanent: false,
      retryAfterSeconds: null,
      now,
      random: 0.5,
      ...extra,
    });

  test('H10: grows exponentially with each failure', () => {
    expect([0, 1, 2, 3].map((f) => failure(f).delaySeconds)).toEqual([600, 1200, 2400, 4800]);
    expect(failure(0).status).toBe('failing');
  });

  test('jitter spreads retries by at most ±20%', () => {
    expect(backoffSeconds(300, 1, null, 0)).toBe(480);
    expect(backoffSeconds(300, 1, null, 1)).toBe(720);
  });

  test('H6/H7/H8: Retry-After is a floor for the next attempt', () => {
    expect(failure(0, { retryAfterSeconds: 7200 }).delaySeconds).toBe(7200);
    expect(failure(0, { retryAfterSeconds: 10 ** 7 }).delaySeconds).toBe(
      POLL_POLICY.maxRetryAfterSeconds,
    );
  });

  test('the backoff is capped', () => {
    expect(backoffSeconds(3600, 3, null, 0.5)).toBe(POLL_POLICY.maxBackoffSeconds);
  });

  test('H10: after repeated failures the source is paused', () => {
    const outcome = failure(POLL_POLICY.pauseAfterFailures - 1);
    expect(outcome).toMatchObject({
      status: 'paused',
      consecutiveFailures: POLL_POLICY.pauseAfterFailures,
    });
  });

  test('H9: a permanent failure (410) marks the source gone', () => {
    expect(failure(0, { permanent: true }).status).toBe('gone');
  });
});
