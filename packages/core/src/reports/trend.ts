import { weekRange, weeksEndingWith } from './iso-week.ts';
import { netSentiment } from './net-sentiment.ts';
import type { WeekTotals } from './report-input.ts';
import type { TrendPoint } from './report-schema.ts';

export const TREND_WEEKS = 12;

export function emptyTotals(week: string): WeekTotals {
  return { week, mentions: 0, positive: 0, neutral: 0, negative: 0, authors: 0, stories: null };
}

/**
 * The `count` weeks ending with `week`, oldest first, every week present: a week with nothing in
 * the rollup is a zero, so the chart's x axis never skips a week.
 */
export function filledTotals(
  week: string,
  totals: readonly WeekTotals[],
  count: number,
): WeekTotals[] {
  const byWeek = new Map(totals.map((t) => [t.week, t]));
  return weeksEndingWith(week, count).map((w) => byWeek.get(w) ?? emptyTotals(w));
}

/** Twelve weeks of volume and net sentiment ending with the report's week. */
export function trendSeries(
  week: string,
  totals: readonly WeekTotals[],
  count = TREND_WEEKS,
): TrendPoint[] {
  return filledTotals(week, totals, count).map((t) => ({
    week: t.week,
    from: weekRange(t.week).from,
    mentions: t.mentions,
    positive: t.positive,
    neutral: t.neutral,
    negative: t.negative,
    netSentiment: netSentiment(t).value,
  }));
}
