import type { Signal } from '../detect-subject.ts';
import type { Severity } from '../severity.ts';
import type { EmergingTerm } from './emerging-terms.ts';

/** An emerging term as a signal, so terms open, merge and close issues like any subject. */
export function termSignal(term: EmergingTerm, hour: number, windowHours: number): Signal {
  // A new word is a watch; an alert once the people using it are clearly more negative.
  const severity: Severity = term.negativeRising ? 'alert' : 'watch';
  return {
    hour,
    trigger: 'spike',
    severity,
    windowHours,
    authors: term.authors,
    mentions: term.authors,
    expected: term.expected,
    baselineKind: 'recent-weeks',
    z: term.score,
    ratio: term.ratio,
    negativeShare: term.negativeShare,
    usualNegativeShare: term.usualNegativeShare,
    negativeRising: term.negativeRising,
    safetyMentions: 0,
  };
}
