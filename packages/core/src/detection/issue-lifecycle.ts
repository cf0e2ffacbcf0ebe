import type { Signal, Trigger } from './detect-subject.ts';
import { hourOf } from './hours.ts';
import type { DetectionPolicy } from './policy.ts';
import type { Subject } from './series.ts';
import { maxSeverity, type Severity, severityRank } from './severity.ts';

/** An emerging issue on one subject: signals close together merged into one story for officers. */
export interface EmergingIssue {
  subject: Subject;
  status: 'open' | 'closed';
  severity: Severity;
  /** What fired first. */
  trigger: Trigger;
  openedAt: number;
  updatedAt: number;
  closedAt: number | null;
  lastSignalHour: number;
  /** Hours in which a signal fired. */
  signalHours: number;
  /** The largest count of distinct authors seen in a signal's window. */
  peakAuthors: number;
  /** The peak at the last event sent, so updates are sent when it grows, not every minute. */
  reportedPeak: number;
  /** The latest signal: the explanation is made from it. */
  latest: Signal;
}

export type IssueEventType = 'issue.opened' | 'issue.updated' | 'issue.closed';

export interface IssueTransition {
  issue: EmergingIssue | null;
  event: IssueEventType | null;
}

type LifecyclePolicy = Pick<DetectionPolicy, 'closeAfterHours' | 'updateGrowth'>;

/**
 * The life of an issue as a pure state transition. A signal opens an issue, or updates the
 * open one (so alarms on the same subject within hours are merged); an open issue closes once
 * it has gone `closeAfterHours` without a signal and its series is back near baseline.
 * A closed issue stays closed: a later signal opens a new one.
 */
export function stepIssue(
  current: EmergingIssue | null,
  input: { subject: Subject; now: number; signal: Signal | null; calm: boolean },
  policy: LifecyclePolicy,
): IssueTransition {
  const { now, signal } = input;
  const open = current?.status === 'open' ? current : null;

  if (!open) {
    if (!signal) return { issue: current, event: null };
    return { issue: openIssue(input.subject, signal, now), event: 'issue.opened' };
  }

  if (signal) {
    const severity = maxSeverity(open.severity, signal.severity);
    const peakAuthors = Math.max(open.peakAuthors, signal.authors);
    const newHour = signal.hour !== open.lastSignalHour;
    const grew = peakAuthors >= Math.ceil(open.reportedPeak * (1 + policy.updateGrowth));
    const worse = severityRank(severity) > severityRank(open.severity);
    const notify = worse || grew;
    const issue: EmergingIssue = {
      ...open,
      severity,
      peakAuthors,
      latest: signal,
      lastSignalHour: signal.hour,
      signalHours: open.signalHours + (newHour ? 1 : 0),
      updatedAt: notify ? now : open.updatedAt,
      reportedPeak: notify ? peakAuthors : open.reportedPeak,
    };
    return { issue, event: notify ? 'issue.updated' : null };
  }

  const quietHours = hourOf(now) - open.lastSignalHour;
  if (quietHours >= policy.closeAfterHours && input.calm) {
    return {
      issue: { ...open, status: 'closed', closedAt: now, updatedAt: now },
      event: 'issue.closed',
    };
  }
  return { issue: open, event: null };
}

function openIssue(subject: Subject, signal: Signal, now: number): EmergingIssue {
  return {
    subject,
    status: 'open',
    severity: signal.severity,
    trigger: signal.trigger,
    openedAt: now,
    updatedAt: now,
    closedAt: null,
    lastSignalHour: signal.hour,
    signalHours: 1,
    peakAuthors: signal.authors,
    reportedPeak: signal.authors,
    latest: signal,
  };
}
