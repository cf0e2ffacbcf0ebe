import { INITIAL_SUBJECT_STATE } from './detect-subject.ts';
import type { EmergingIssue } from './issue-lifecycle.ts';
import { denseSeries, type HourlyRollup, subjectId } from './series.ts';
import type { SubjectTick } from './tick.ts';

export interface OpenIssueRef {
  id: number;
  label: string;
  issue: EmergingIssue;
}

/**
 * The subjects for one tick, from stored rollups and open issues: every subject with activity
 * since `startHour`, and every subject with an open issue (so it can close even when silent).
 * State starts afresh each tick and is rebuilt from the series (see detectSubject).
 */
export function subjectTicks(input: {
  rollups: readonly HourlyRollup[];
  open: readonly OpenIssueRef[];
  startHour: number;
  currentHour: number;
}): (SubjectTick & { storedId: number | null })[] {
  const bySubject = new Map<string, { rollups: HourlyRollup[]; open: OpenIssueRef | null }>();
  for (const r of input.rollups) {
    const id = subjectId(r.subject);
    const entry = bySubject.get(id) ?? { rollups: [], open: null };
    entry.rollups.push(r);
    bySubject.set(id, entry);
  }
  for (const o of input.open) {
    const id = subjectId(o.issue.subject);
    const entry = bySubject.get(id) ?? { rollups: [], open: null };
    entry.open = o;
    bySubject.set(id, entry);
  }
  return [...bySubject.values()].map(({ rollups, open }) => {
    const subject = open?.issue.subject ?? rollups[0]!.subject;
    return {
      subject,
      label: open?.label ?? subject.key,
      series: denseSeries(rollups, input.startHour, input.currentHour),
      state: INITIAL_SUBJECT_STATE,
      issue: open?.issue ?? null,
      storedId: open?.id ?? null,
    };
  });
}
