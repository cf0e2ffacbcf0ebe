import type { PollContext } from '../connector.ts';

/** Polls look back a week unless told otherwise (the CLI's --since). */
export const DEFAULT_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_ITEMS = 200;

export interface PollWindow {
  now: () => Date;
  since: Date;
  maxItems: number;
}

export function pollWindow(context: PollContext = {}): PollWindow {
  const now = context.now ?? (() => new Date());
  return {
    now,
    since: context.since ?? new Date(now().getTime() - DEFAULT_LOOKBACK_MS),
    maxItems: context.maxItems ?? DEFAULT_MAX_ITEMS,
  };
}

/** An id-less time: a date string that parses, as ISO, or null. */
export function isoOrNull(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = typeof value === 'number' ? new Date(value) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
