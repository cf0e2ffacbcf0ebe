/** What each call costs in quota units (YouTube Data API v3). */
export const UNIT_COST = {
  'search.list': 100,
  'commentThreads.list': 1,
  'comments.list': 1,
} as const;
export type QuotaMethod = keyof typeof UNIT_COST;

/** Above this share of the day's allowance a poll stops spending; the rest is for tomorrow. */
export const STOP_SHARE = 0.95;

/** The quota resets at midnight Pacific time. */
export function nextQuotaReset(now: Date): Date {
  const pacific = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Los_Angeles',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => Number(pacific.find((p) => p.type === type)?.value ?? 0);
  const secondsIntoDay = part('hour') * 3600 + part('minute') * 60 + part('second');
  return new Date(now.getTime() + (86_400 - secondsIntoDay) * 1000);
}

/**
 * How long to wait before the next poll so the rest of today's allowance lasts until the reset:
 * a poll that cost `spent` units may run again once `spent` units' worth of the remaining
 * per-second budget has accrued. Zero while there is plenty; the reset itself when it is gone.
 */
export function quotaPacingSeconds(
  usedToday: number,
  dailyLimit: number,
  spent: number,
  now: Date,
): number {
  const untilReset = Math.max(1, Math.ceil((nextQuotaReset(now).getTime() - now.getTime()) / 1000));
  const remaining = dailyLimit * STOP_SHARE - usedToday;
  if (remaining <= 0) return untilReset;
  if (spent <= 0) return 0;
  const perSecond = remaining / untilReset;
  return Math.min(untilReset, Math.ceil(spent / perSecond));
}
