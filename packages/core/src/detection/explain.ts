import type { Signal } from './detect-subject.ts';
import { localWeekday } from './hours.ts';
import type { EmergingIssue } from './issue-lifecycle.ts';
import type { Subject } from './series.ts';

/** How a subject reads inside a sentence: "about Parking", "mentioning “norovirus”". */
export function subjectPhrase(subject: Subject, label?: string): string {
  const name = label ?? subject.key;
  switch (subject.kind) {
    case 'topic':
      return `about ${name}`;
    case 'term':
      return `mentioning “${name}”`;
    case 'story':
      return `sharing the story “${name}”`;
    case 'thread':
      return `in the thread “${name}”`;
  }
}

export function lastHours(hours: number): string {
  return hours === 1 ? 'the last hour' : `the last ${hours} hours`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

function usualWhen(signal: Signal): string {
  switch (signal.baselineKind) {
    case 'same-hour-of-week':
      return `at this time on a ${localWeekday(signal.hour)}`;
    case 'same-hour-of-day':
      return 'at this time of day';
    case 'recent-weeks':
      return `in ${signal.windowHours === 1 ? 'an hour' : `${signal.windowHours} hours`} over the past weeks`;
  }
}

function usually(expected: number): string {
  return expected < 1 ? 'usually none' : `usually ${Math.round(expected)}`;
}

function negativeClause(signal: Signal): string {
  if (signal.negativeShare === null) return '';
  const usual =
    signal.usualNegativeShare === null ? '' : `, usually ${percent(signal.usualNegativeShare)}`;
  return `; ${percent(signal.negativeShare)} negative${usual}`;
}

function safetyClause(signal: Signal): string {
  if (signal.safetyMentions === 0) return '';
  return signal.safetyMentions === 1
    ? '; 1 mention raises a safety concern'
    : `; ${signal.safetyMentions} mentions raise a safety concern`;
}

/**
 * The signal in words for comms officers, e.g. "25 people posted about Parking in the last 3
 * hours (31 mentions); usually 6 at this time on a Tuesday; 84% negative, usually 55%."
 */
export function explainSignal(signal: Signal, subject: Subject, label?: string): string {
  const phrase = subjectPhrase(subject, label);
  const span = lastHours(signal.windowHours);
  const mentions = signal.mentions !== signal.authors ? ` (${signal.mentions} mentions)` : '';
  switch (signal.trigger) {
    case 'spike':
      return `${people(signal.authors)} posted ${phrase} in ${span}${mentions}; ${usually(signal.expected)} ${usualWhen(signal)}${negativeClause(signal)}${safetyClause(signal)}.`;
    case 'slow-build':
      return `Slowly building: ${people(signal.authors)} posted ${phrase} in ${span}${mentions}, ${usually(signal.expected)} ${usualWhen(signal)}, and it has stayed above its usual level for hours${negativeClause(signal)}${safetyClause(signal)}.`;
    case 'negative-shift':
      return `Turning negative: ${percent(signal.negativeShare ?? 0)} of the ${people(signal.authors)} who posted ${phrase} in ${span} were negative, usually ${percent(signal.usualNegativeShare ?? 0)}; the volume is ${signal.ratio >= 1.5 ? 'up' : 'about usual'} (${usually(signal.expected)})${safetyClause(signal)}.`;
  }
}

/** A short title for an issue: what kind of trouble, about what. */
export function issueTitle(issue: EmergingIssue, label: string): string {
  switch (issue.subject.kind) {
    case 'topic':
      if (issue.trigger === 'negative-shift') return `${label}: turning negative`;
      return issue.trigger === 'slow-build'
        ? `${label}: building up`
        : `${label}: a surge of mentions`;
    case 'term':
      return `“${label}” is suddenly being mentioned`;
    case 'story':
      return `A story is spreading: ${label}`;
    case 'thread':
      return `A conversation is escalating: ${label}`;
  }
}
