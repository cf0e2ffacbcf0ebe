import type { IssueInput } from './report-input.ts';
import type { EmergingIssues } from './report-schema.ts';
import { notYetAvailable } from './unavailable.ts';

const SEVERITY_ORDER = { page: 0, alert: 1, watch: 2 } as const;

/**
 * The week's emerging issues, worst first, each with how it ended; "not yet available" only
 * while detection has never run, since an empty list then would read as a calm week.
 */
export function emergingIssues(
  issues: readonly IssueInput[] | null | undefined,
  range: { from: string; to: string },
): EmergingIssues {
  if (issues === null || issues === undefined) return notYetAvailable('emergingIssues');
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const items = issues
    .filter(
      (i) => Date.parse(i.openedAt) < to && (i.closedAt === null || Date.parse(i.closedAt) >= from),
    )
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.openedAt.localeCompare(b.openedAt) ||
        a.id - b.id,
    )
    .map((i) => ({ ...i, outcome: i.closedAt === null ? ('open' as const) : ('closed' as const) }));
  return { available: true, items };
}
