import { z } from 'zod';
import { shiftWeek, weekOf, weekRange } from './iso-week.ts';
import { WeeklyReport } from './report-schema.ts';

export const ReportWeekSummary = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  /** `in-progress`: the week now; `stored`: a snapshot exists; `not-built`: built when opened. */
  status: z.enum(['in-progress', 'stored', 'not-built']),
  mentions: z.number().int().nullable(),
  netSentiment: z.number().nullable(),
});
export type ReportWeekSummary = z.infer<typeof ReportWeekSummary>;

export const ReportWeekList = z.object({ weeks: z.array(ReportWeekSummary) });
export type ReportWeekList = z.infer<typeof ReportWeekList>;

export const ReportWeekResponse = z.object({
  report: WeeklyReport,
  origin: z.enum(['snapshot', 'built']),
  inProgress: z.boolean(),
});
export type ReportWeekResponse = z.infer<typeof ReportWeekResponse>;

/** Weeks offered on the page besides the stored ones: this one and the twelve before it. */
export const RECENT_WEEKS = 13;

/**
 * The weeks a manager can open, newest first: the week in progress, the recent weeks (stored or
 * not yet), and every older stored week.
 */
export function reportWeekList(
  now: Date,
  stored: readonly { week: string; mentions: number; netSentiment: number | null }[],
): ReportWeekSummary[] {
  const current = weekOf(now);
  const byWeek = new Map(stored.map((s) => [s.week, s]));
  const weeks = new Set([
    ...Array.from({ length: RECENT_WEEKS }, (_, i) => shiftWeek(current, -i)),
    ...stored.map((s) => s.week),
  ]);
  return [...weeks]
    .filter((w) => w <= current)
    .sort((a, b) => (a < b ? 1 : -1))
    .map((week) => {
      const s = byWeek.get(week);
      const range = weekRange(week);
      return {
        week,
        from: range.from,
        to: range.to,
        status: week === current ? 'in-progress' : s ? 'stored' : 'not-built',
        mentions: s?.mentions ?? null,
        netSentiment: s?.netSentiment ?? null,
      };
    });
}
