export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const LIVE_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Delay before reconnect attempt `attempt` (0 for the first): exponential, capped, with jitter
 * between half and all of it so that a restarted API is not hit by every dashboard at once.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = LIVE_BACKOFF,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
