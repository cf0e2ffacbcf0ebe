import { detectSubject, type Signal, type SubjectState } from './detect-subject.ts';
import { explainSignal } from './explain.ts';
import { hourOf } from './hours.ts';
import { type EmergingIssue, type IssueEventType, stepIssue } from './issue-lifecycle.ts';
import { DETECTION_POLICY, type DetectionPolicy } from './policy.ts';
import { type HourlySeries, lastHourOf, type Subject } from './series.ts';

/** One subject as the worker loads it: its series up to the current hour, memory and issue. */
export interface SubjectTick {
  subject: Subject;
  /** How officers know it: a topic name, a term, a story's opening words. */
  label: string;
  series: HourlySeries;
  state: SubjectState;
  issue: EmergingIssue | null;
  /** A signal found by another route (an emerging term), judged with the series' own. */
  extraSignal?: Signal | null;
}

export interface IssueEvent {
  type: IssueEventType;
  at: number;
  subject: Subject;
  label: string;
  issue: EmergingIssue;
  explanation: string;
}

export interface TickResult {
  subjects: { subject: Subject; state: SubjectState; issue: EmergingIssue | null }[];
  events: IssueEvent[];
}

/**
 * The minute tick of the detector: each subject judged at the current hour (complete when the
 * clock has passed its end), its issue stepped, and the events to store and publish. Pure: the
 * worker loads the inputs, stores the outputs and publishes the events after commit.
 */
export function detectionTick(
  now: number,
  subjects: readonly SubjectTick[],
  policy: DetectionPolicy = DETECTION_POLICY,
): TickResult {
  const out: TickResult = { subjects: [], events: [] };
  for (const s of subjects) {
    const hour = lastHourOf(s.series);
    const complete = hourOf(now) > hour;
    const verdict = detectSubject(s.series, s.state, { complete, policy });
    const signal = strongest(verdict.signal, s.extraSignal ?? null);
    const step = stepIssue(
      s.issue,
      { subject: s.subject, now, signal, calm: verdict.calm && !s.extraSignal },
      policy,
    );
    out.subjects.push({ subject: s.subject, state: verdict.state, issue: step.issue });
    if (step.event && step.issue) {
      out.events.push({
        type: step.event,
        at: now,
        subject: s.subject,
        label: s.label,
        issue: step.issue,
        explanation: explainSignal(step.issue.latest, s.subject, s.label),
      });
    }
  }
  return out;
}

const RANK = { watch: 0, alert: 1, page: 2 } as const;

function strongest(a: Signal | null, b: Signal | null): Signal | null {
  if (!a || !b) return a ?? b;
  if (RANK[a.severity] !== RANK[b.severity]) return RANK[a.severity] > RANK[b.severity] ? a : b;
  return a.z >= b.z ? a : b;
}
