import type { SourceStatus } from '../mention.ts';

/**
 * When to poll a feed next, and what its health is. Modelled on Miniflux's ScheduleNextCheck
 * (the interval is stretched by TTL, max-age, Expires and Retry-After) plus what Miniflux lacks:
 * exponential backoff with jitter on failure, a pause after repeated failures (still probed once
 * a day so a recovered feed comes back), and FreshRSS's "gone" on 410.
 */
export const POLL_POLICY = {
  /** The shortest interval a source may ask for (the API accepts nothing shorter either). */
  minIntervalSeconds: 30,
  maxIntervalSeconds: 24 * 3600,
  /** Longest backoff between failing attempts before the source is paused. */
  maxBackoffSeconds: 6 * 3600,
  /** Consecutive failures after which the source is paused. */
  pauseAfterFailures: 5,
  /** A paused source is still tried this often, so it recovers on its own. */
  pausedRetrySeconds: 24 * 3600,
  /** Retry-After values beyond this are treated as this (a day). */
  maxRetryAfterSeconds: 24 * 3600,
  /** Jitter spreads retries of many sources that failed together (±20%). */
  jitter: 0.2,
} as const;

export interface CacheHintsInput {
  retryAfterSeconds: number | null;
  maxAgeSeconds: number | null;
}

export interface PollOutcome {
  status: SourceStatus;
  consecutiveFailures: number;
  nextPollAt: Date;
  delaySeconds: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Delay after a successful poll (200 or 304). */
export function delayAfterSuccess(intervalSeconds: number, cache: CacheHintsInput): number {
  const retryAfter = Math.min(cache.retryAfterSeconds ?? 0, POLL_POLICY.maxRetryAfterSeconds);
  return clamp(
    Math.max(intervalSeconds, cache.maxAgeSeconds ?? 0, retryAfter),
    POLL_POLICY.minIntervalSeconds,
    POLL_POLICY.maxIntervalSeconds,
  );
}

/**
 * Exponential backoff: interval × 2^failures, capped, with jitter from `random` (0..1), never
 * sooner than Retry-After.
 */
export function backoffSeconds(
  intervalSeconds: number,
  failures: number,
  retryAfterSeconds: number | null,
  random: number,
): number {
  const base = Math.max(intervalSeconds, POLL_POLICY.minIntervalSeconds);
  const exponential = Math.min(POLL_POLICY.maxBackoffSeconds, base * 2 ** Math.min(failures, 20));
  const jittered = exponential * (1 - POLL_POLICY.jitter + 2 * POLL_POLICY.jitter * random);
  const floor = Math.min(retryAfterSeconds ?? 0, POLL_POLICY.maxRetryAfterSeconds);
  return Math.round(Math.max(jittered, floor, POLL_POLICY.minIntervalSeconds));
}

export function outcomeAfterSuccess(
  intervalSeconds: number,
  cache: CacheHintsInput,
  now: Date,
): PollOutcome {
  const delaySeconds = delayAfterSuccess(intervalSeconds, cache);
  return {
    status: 'healthy',
    consecutiveFailures: 0,
    delaySeconds,
    nextPollAt: new Date(now.getTime() + delaySeconds * 1000),
  };
}

export interface FailureInput {
  intervalSeconds: number;
  /** Failures before this one. */
  previousFailures: number;
  permanent: boolean;
  retryAfterSeconds: number | null;
  now: Date;
  random: number;
}

export function outcomeAfterFailure(input: FailureInput): PollOutcome {
  const failures = input.previousFailures + 1;
  const at = (delaySeconds: number) => new Date(input.now.getTime() + delaySeconds * 1000);
  if (input.permanent) {
    const delaySeconds = POLL_POLICY.maxIntervalSeconds;
    return {
      status: 'gone',
      consecutiveFailures: failures,
      delaySeconds,
      nextPollAt: at(delaySeconds),
    };
  }
  if (failures >= POLL_POLICY.pauseAfterFailures) {
    const delaySeconds = Math.max(
      POLL_POLICY.pausedRetrySeconds,
      Math.min(input.retryAfterSeconds ?? 0, POLL_POLICY.maxRetryAfterSeconds),
    );
    return {
      status: 'paused',
      consecutiveFailures: failures,
      delaySeconds,
      nextPollAt: at(delaySeconds),
    };
  }
  const delaySeconds = backoffSeconds(
    input.intervalSeconds,
    failures,
    input.retryAfterSeconds,
    input.random,
  );
  return {
    status: 'failing',
    consecutiveFailures: failures,
    delaySeconds,
    nextPollAt: at(delaySeconds),
  };
}
