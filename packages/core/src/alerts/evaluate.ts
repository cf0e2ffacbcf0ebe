import { deliverableFrom } from './hours.ts';
import { alertText } from './message.ts';
import type { AlertChannel, AlertRule, AlertSeverity, SignalLevel } from './rules.ts';

/** Something that may raise an alert, read from Postgres by the evaluating job. */
export type AlertSignal =
  | {
      kind: 'mention';
      mentionId: number;
      sourceName: string;
      /** Source and thread root: replies on one thread group into one alert. */
      threadKey: string;
      flags: { safeguarding: boolean; patientSafety: boolean };
      /** The scorer's redacted copy, never the raw post. */
      redactedText: string;
    }
  | { kind: 'thread'; threadKey: string; level: SignalLevel; title: string; explanation: string }
  | { kind: 'issue'; issueId: number; level: SignalLevel; title: string; explanation: string }
  | {
      kind: 'source';
      sourceId: number;
      sourceName: string;
      /** The last successful poll, or when the source was added if it never succeeded. */
      quietSince: Date;
      lastError: string | null;
    };

/** What the alert links to in the dashboard. */
export type AlertSubject =
  | { kind: 'mention'; id: number }
  | { kind: 'thread'; key: string }
  | { kind: 'issue'; id: number }
  | { kind: 'source'; id: number };

export interface AlertDecision {
  ruleKey: string;
  severity: AlertSeverity;
  channels: AlertChannel[];
  /** Alerts of one rule with one group key, within the rule's window, are one alert. */
  groupKey: string;
  groupWindowMinutes: number;
  /** This signal's natural key: the same signal evaluated twice is counted once. */
  signalKey: string;
  subject: AlertSubject;
  title: string;
  /** Why it fired, in one sentence a comms officer reads at 3 a.m. */
  why: string;
  excerpt: string | null;
  /** When the ladder may start: now, or when the rule's quiet or closed hours end. */
  notifyFrom: Date;
}

const SEVERITY_ORDER: Record<AlertSeverity, number> = { info: 0, alert: 1, page: 2 };

/** Every alert this signal raises under the enabled rules, at `now`. */
export function evaluateSignal(
  signal: AlertSignal,
  rules: readonly AlertRule[],
  now: Date,
): AlertDecision[] {
  const decisions = rules
    .filter((r) => r.enabled)
    .flatMap((r) => {
      const d = decide(signal, r, now);
      return d ? [d] : [];
    });
  // One post raising two flags is one alert, at its most serious rule, not two pages.
  if (signal.kind === 'mention' && decisions.length > 1) {
    const top = decisions.reduce((a, b) =>
      SEVERITY_ORDER[b.severity] > SEVERITY_ORDER[a.severity] ? b : a,
    );
    return [top];
  }
  return decisions;
}

function decide(signal: AlertSignal, rule: AlertRule, now: Date): AlertDecision | null {
  const base = {
    ruleKey: rule.key,
    severity: rule.severity,
    channels: rule.channels,
    groupWindowMinutes: rule.groupWindowMinutes,
    notifyFrom: deliverableFrom(rule.hours, now),
  };
  switch (signal.kind) {
    case 'mention': {
      const fires =
        (rule.trigger === 'safeguarding' && signal.flags.safeguarding) ||
        (rule.trigger === 'patient-safety' && signal.flags.patientSafety);
      if (!fires) return null;
      const what =
        rule.trigger === 'safeguarding' ? 'a safeguarding signal' : 'a patient safety concern';
      return {
        ...base,
        groupKey: `thread:${signal.threadKey}`,
        signalKey: `mention:${signal.mentionId}`,
        subject: { kind: 'mention', id: signal.mentionId },
        title: `${rule.label} on ${alertText(signal.sourceName, 80)}`,
        why: `A post on ${alertText(signal.sourceName, 80)} reads as ${what}.`,
        excerpt: alertText(signal.redactedText, 280),
      };
    }
    case 'thread':
    case 'issue': {
      const trigger = signal.kind === 'thread' ? 'thread-escalating' : 'issue-emerging';
      if (rule.trigger !== trigger || rule.level !== signal.level) return null;
      const key =
        signal.kind === 'thread' ? `thread:${signal.threadKey}` : `issue:${signal.issueId}`;
      return {
        ...base,
        severity: signal.level === 'page' ? 'page' : rule.severity,
        groupKey: key,
        signalKey: `${key}:${signal.level}`,
        subject:
          signal.kind === 'thread'
            ? { kind: 'thread', key: signal.threadKey }
            : { kind: 'issue', id: signal.issueId },
        title: `${rule.label}: ${alertText(signal.title, 100)}`,
        why: alertText(signal.explanation, 240),
        excerpt: null,
      };
    }
    case 'source': {
      if (rule.trigger !== 'source-down' || rule.afterHours === null) return null;
      const quietHours = (now.getTime() - signal.quietSince.getTime()) / 3_600_000;
      if (quietHours < rule.afterHours) return null;
      const hours = Math.floor(quietHours);
      const reason = signal.lastError
        ? ` The last error was: ${alertText(signal.lastError, 160)}`
        : '';
      return {
        ...base,
        groupKey: `source:${signal.sourceId}`,
        // One alert per silence: a source that recovers and fails again is a new signal.
        signalKey: `source:${signal.sourceId}:${signal.quietSince.toISOString()}`,
        subject: { kind: 'source', id: signal.sourceId },
        title: `${rule.label}: ${alertText(signal.sourceName, 100)}`,
        why: `${alertText(signal.sourceName, 100)} has brought in nothing for ${hours} hours, so silence there is not calm.${reason}`,
        excerpt: null,
      };
    }
  }
}

/** A signal joins an alert still open (or acknowledged) whose last signal is within the window. */
export function joinsAlert(
  existing: { status: 'open' | 'acknowledged' | 'resolved'; lastSignalAt: Date } | null,
  now: Date,
  windowMinutes: number,
): boolean {
  if (!existing || existing.status === 'resolved') return false;
  return now.getTime() - existing.lastSignalAt.getTime() <= windowMinutes * 60_000;
}
