import { detectSubject, INITIAL_SUBJECT_STATE, type SubjectState } from './detect-subject.ts';
import { HOUR_MS } from './hours.ts';
import { type EmergingIssue, type IssueEventType, stepIssue } from './issue-lifecycle.ts';
import { DETECTION_POLICY, type DetectionPolicy } from './policy.ts';
import { type HourlySeries, lastHourOf, type Subject } from './series.ts';

export interface ReplayEvent {
  hour: number;
  type: IssueEventType;
  issue: EmergingIssue;
}

/**
 * Runs one subject's detector and issue lifecycle hour by hour over a whole series, as the
 * worker would if it ticked at the end of every hour. For scenario tests and the evaluation.
 */
export function replaySubject(
  series: HourlySeries,
  subject: Subject,
  policy: DetectionPolicy = DETECTION_POLICY,
): ReplayEvent[] {
  const events: ReplayEvent[] = [];
  let state: SubjectState = INITIAL_SUBJECT_STATE;
  let issue: EmergingIssue | null = null;
  for (let hour = series.startHour; hour <= lastHourOf(series); hour++) {
    const verdict = detectSubject(series, state, { complete: true, policy, hour });
    state = verdict.state;
    const now = (hour + 1) * HOUR_MS - 1;
    const step = stepIssue(
      issue,
      { subject, now, signal: verdict.signal, calm: verdict.calm },
      policy,
    );
    issue = step.issue;
    if (step.event && issue) events.push({ hour, type: step.event, issue });
  }
  return events;
}
