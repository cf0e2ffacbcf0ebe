import { INITIAL_SUBJECT_STATE } from '../detect-subject.ts';
import { denseSeries } from '../series.ts';
import type { SubjectTick } from '../tick.ts';
import type { EmergingTerm } from './emerging-terms.ts';
import { termSignal } from './term-signal.ts';

/** Hours of recent posts a term is judged on, and the background weeks it is compared with. */
export const TERM_WINDOW = { recentHours: 3, backgroundDays: 14 } as const;

/**
 * Adds the emerging terms to a tick's subjects: a term with an open issue gets its signal; a new
 * term becomes a subject of its own. Open term issues without a signal stay, so they can close.
 * Terms carry no hourly series of their own (their signal comes from the term counts).
 */
export function withTermSignals<T extends SubjectTick & { storedId: number | null }>(
  ticks: readonly T[],
  emerging: readonly EmergingTerm[],
  hours: { startHour: number; currentHour: number; windowHours?: number },
): (SubjectTick & { storedId: number | null })[] {
  const windowHours = hours.windowHours ?? TERM_WINDOW.recentHours;
  const byTerm = new Map(emerging.map((t) => [t.term, t]));
  const out: (SubjectTick & { storedId: number | null })[] = ticks.map((t) => {
    if (t.subject.kind !== 'term') return t;
    const term = byTerm.get(t.subject.key);
    byTerm.delete(t.subject.key);
    return term ? { ...t, extraSignal: termSignal(term, hours.currentHour, windowHours) } : t;
  });
  for (const term of byTerm.values()) {
    out.push({
      subject: { kind: 'term', key: term.term },
      label: term.term,
      series: denseSeries([], hours.startHour, hours.currentHour),
      state: INITIAL_SUBJECT_STATE,
      issue: null,
      storedId: null,
      extraSignal: termSignal(term, hours.currentHour, windowHours),
    });
  }
  return out;
}
