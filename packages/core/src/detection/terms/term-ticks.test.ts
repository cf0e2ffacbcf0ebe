import { describe, expect, test } from 'vitest';
import { subjectTicks } from '../subjects.ts';
import { detectionTick } from '../tick.ts';
import type { EmergingTerm } from './emerging-terms.ts';
import { withTermSignals } from './term-ticks.ts';

const HOUR = 3_600_000;
const currentHour = 500_000;
const now = currentHour * HOUR + 30 * 60_000;
const norovirus: EmergingTerm = {
  term: 'norovirus outbreak',
  authors: 9,
  expected: 0.4,
  ratio: 22,
  score: 8,
  negativeShare: 0.9,
  usualNegativeShare: 0.3,
  negativeRising: true,
};

describe('emerging terms in the minute tick', () => {
  test('a newly emerging term opens an issue of its own, an alert when people are negative', () => {
    const ticks = withTermSignals(
      subjectTicks({ rollups: [], open: [], startHour: currentHour - 200, currentHour }),
      [norovirus],
      { startHour: currentHour - 200, currentHour },
    );
    const result = detectionTick(now, ticks);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({
      type: 'issue.opened',
      subject: { kind: 'term', key: 'norovirus outbreak' },
      issue: { severity: 'alert' },
    });
  });

  test('a term with an open issue is given its signal rather than a second subject', () => {
    const opened = detectionTick(
      now,
      withTermSignals([], [norovirus], { startHour: currentHour - 200, currentHour }),
    ).subjects[0]!.issue!;
    const open = [{ id: 7, label: 'norovirus outbreak', issue: opened }];
    const base = subjectTicks({ rollups: [], open, startHour: currentHour - 200, currentHour });
    const ticks = withTermSignals(base, [norovirus], { startHour: currentHour - 200, currentHour });
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ storedId: 7, extraSignal: { severity: 'alert' } });
  });

  test('an open term issue without a signal stays in the tick so it can close', () => {
    const opened = detectionTick(
      now,
      withTermSignals([], [norovirus], { startHour: currentHour - 200, currentHour }),
    ).subjects[0]!.issue!;
    const open = [{ id: 7, label: 'norovirus outbreak', issue: opened }];
    const later = currentHour + 30;
    const ticks = withTermSignals(
      subjectTicks({ rollups: [], open, startHour: later - 200, currentHour: later }),
      [],
      { startHour: later - 200, currentHour: later },
    );
    expect(ticks[0]!.extraSignal).toBeUndefined();
    const result = detectionTick(later * HOUR + 60_000, ticks);
    expect(result.events.map((e) => e.type)).toEqual(['issue.closed']);
  });
});
