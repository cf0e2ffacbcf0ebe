import type { ReportWeekSummary } from '@barometer/core';

/** The week named in the address (`/reports?week=2026-W48`), if it is one on offer. */
export function weekFromSearch(search: string, weeks: readonly ReportWeekSummary[]): string | null {
  const asked = new URLSearchParams(search).get('week');
  return asked && weeks.some((w) => w.week === asked) ? asked : null;
}

/** Without a choice, the page opens on the week just ended: the one the Monday e-mail sent. */
export function defaultWeek(weeks: readonly ReportWeekSummary[]): string | null {
  return (weeks.find((w) => w.status !== 'in-progress') ?? weeks[0])?.week ?? null;
}

export function weekOptionLabel(w: ReportWeekSummary, span: string): string {
  return w.status === 'in-progress' ? `This week so far (${span})` : span;
}
