import {
  buildWeeklyReport,
  reportMentionIds,
  shiftWeek,
  TREND_WEEKS,
  type WeeklyReport,
  weekIsSettled,
} from '@barometer/core';
import type { Queryable } from '../client.ts';
import { loadReportInput } from './report-input.ts';
import { getReportSnapshot, saveReportSnapshot, snapshotTotals } from './report-snapshots.ts';

export interface WeeklyReportResult {
  report: WeeklyReport;
  /** `snapshot`: the stored copy; `built`: counted now (and stored if the week is over). */
  origin: 'snapshot' | 'built';
  stored: boolean;
}

/**
 * One week's barometer: the stored snapshot when there is one, else built from the mentions.
 * A settled week (ended, and its late mentions in) is stored as it is built, so it never changes
 * after; the week in progress, and the first hours after it, are built afresh on every read. `rebuild` replaces a stored week (the caller audits who asked).
 */
export async function weeklyReport(
  q: Queryable,
  week: string,
  now: Date,
  options: { rebuild?: boolean; builtBy?: number | null } = {},
): Promise<WeeklyReportResult> {
  if (!options.rebuild) {
    const stored = await getReportSnapshot(q, week);
    if (stored) return { report: stored.report, origin: 'snapshot', stored: true };
  }
  const past = Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(week, i - TREND_WEEKS));
  const input = await loadReportInput(q, week, now, await snapshotTotals(q, past));
  const report = buildWeeklyReport(input);
  const finished = weekIsSettled(week, now);
  const stored = finished
    ? await saveReportSnapshot(
        q,
        { report, mentionIds: reportMentionIds(input), builtBy: options.builtBy ?? null },
        options.rebuild ? 'replace' : 'keep-existing',
      )
    : false;
  if (finished && !stored && !options.rebuild) {
    // Another build stored this week first: its copy is the one everybody else reads.
    const winner = await getReportSnapshot(q, week);
    if (winner) return { report: winner.report, origin: 'snapshot', stored: true };
  }
  return { report, origin: 'built', stored };
}
