import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Signal } from './detect-subject.ts';
import { HOUR_MS } from './hours.ts';
import { type EmergingIssue, type IssueEventType, stepIssue } from './issue-lifecycle.ts';
import { DETECTION_POLICY } from './policy.ts';
import type { Severity } from './severity.ts';

const subject = { kind: 'topic', key: 'Parking' } as const;
const H = 480_000;

function signal(hour: number, authors: number, severity: Severity = 'watch'): Signal {
  return {
    hour,
    trigger: 'spike',
    severity,
    windowHours: 3,
    authors,
    mentions: authors,
    expected: 5,
    baselineKind: 'same-hour-of-day',
    z: 6,
    ratio: authors / 5,
    negativeShare: 0.5,
    usualNegativeShare: 0.3,
    negativeRising: false,
    safetyMentions: 0,
  };
}

function run(steps: { hour: number; signal: Signal | null; calm: boolean }[]) {
  let issue: EmergingIssue | null = null;
  const events: IssueEventType[] = [];
  for (const s of steps) {
    const t = stepIssue(issue, { subject, now: s.hour * HOUR_MS, ...s }, DETECTION_POLICY);
    issue = t.issue;
    if (t.event) events.push(t.event);
  }
  return { issue, events };
}

describe('issue lifecycle', () => {
  test('a signal opens an issue with its severity', () => {
    const { issue, events } = run([{ hour: H, signal: signal(H, 20, 'alert'), calm: false }]);
    expect(events).toEqual(['issue.opened']);
    expect(issue).toMatchObject({ status: 'open', severity: 'alert', peakAuthors: 20 });
  });

  test('signals on the same subject within hours are one issue, updated as it grows', () => {
    const { issue, events } = run([
      { hour: H, signal: signal(H, 20), calm: false },
      { hour: H + 1, signal: signal(H + 1, 22), calm: false },
      { hour: H + 2, signal: signal(H + 2, 30), calm: false },
    ]);
    expect(events).toEqual(['issue.opened', 'issue.updated']);
    expect(issue).toMatchObject({ peakAuthors: 30, signalHours: 3 });
  });

  test('a rise in severity is an update even without growth', () => {
    const { issue, events } = run([
      { hour: H, signal: signal(H, 20), calm: false },
      { hour: H + 1, signal: signal(H + 1, 20, 'page'), calm: false },
      { hour: H + 2, signal: signal(H + 2, 20, 'watch'), calm: false },
    ]);
    expect(events).toEqual(['issue.opened', 'issue.updated']);
    expect(issue?.severity).toBe('page');
  });

  test('closes only after quiet hours with the series back near baseline', () => {
    const quiet = (hour: number, calm: boolean) => ({ hour, signal: null, calm });
    const { issue, events } = run([
      { hour: H, signal: signal(H, 20), calm: false },
      quiet(H + 3, true),
      quiet(H + 6, false),
      quiet(H + 7, true),
    ]);
    expect(events).toEqual(['issue.opened', 'issue.closed']);
    expect(issue).toMatchObject({ status: 'closed', closedAt: (H + 7) * HOUR_MS });
  });

  test('a signal after the issue closed opens a new one', () => {
    const { events } = run([
      { hour: H, signal: signal(H, 20), calm: false },
      { hour: H + 6, signal: null, calm: true },
      { hour: H + 30, signal: signal(H + 30, 20), calm: false },
    ]);
    expect(events).toEqual(['issue.opened', 'issue.closed', 'issue.opened']);
  });

  test('whatever the inputs, events follow opened, updated*, closed and severity never falls', () => {
    const step = fc.record({
      gap: fc.integer({ min: 0, max: 8 }),
      fires: fc.boolean(),
      authors: fc.integer({ min: 1, max: 200 }),
      severity: fc.constantFrom<Severity>('watch', 'alert', 'page'),
      calm: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let hour = H;
        let issue: EmergingIssue | null = null;
        let open = false;
        let rank = -1;
        for (const s of steps) {
          hour += s.gap;
          const sig = s.fires ? signal(hour, s.authors, s.severity) : null;
          const t = stepIssue(
            issue,
            { subject, now: hour * HOUR_MS, signal: sig, calm: s.calm },
            DETECTION_POLICY,
          );
          if (t.event === 'issue.opened') {
            expect(open).toBe(false);
            open = true;
            rank = -1;
          }
          if (t.event === 'issue.updated' || t.event === 'issue.closed') expect(open).toBe(true);
          if (t.event === 'issue.closed') open = false;
          if (t.issue?.status === 'open') {
            const r = ['watch', 'alert', 'page'].indexOf(t.issue.severity);
            expect(r).toBeGreaterThanOrEqual(rank);
            rank = r;
          }
          expect(t.issue?.status === 'open').toBe(open);
          issue = t.issue;
        }
      }),
    );
  });
});
