import { describe, expect, test } from 'vitest';
import type { Signal } from './detect-subject.ts';
import { explainSignal } from './explain.ts';
import { hourOf } from './hours.ts';

// Tuesday 3 March 2026, 14:00 UTC (GMT, so 14:00 in the UK too).
const tuesday = hourOf(Date.UTC(2026, 2, 3, 14));

const base: Signal = {
  hour: tuesday,
  trigger: 'spike',
  severity: 'alert',
  windowHours: 3,
  authors: 25,
  mentions: 31,
  expected: 6,
  baselineKind: 'same-hour-of-week',
  z: 6.2,
  ratio: 4.2,
  negativeShare: 0.84,
  usualNegativeShare: 0.55,
  negativeRising: true,
  safetyMentions: 0,
};

describe('explanations in plain words', () => {
  test('a spike says how many, against what usual level, and how negative', () => {
    expect(explainSignal(base, { kind: 'topic', key: 'Parking' })).toBe(
      '25 people posted about Parking in the last 3 hours (31 mentions); usually 6 at this time on a Tuesday; 84% negative, usually 55%.',
    );
  });

  test('before weekly history exists, it compares with the time of day', () => {
    const text = explainSignal(
      { ...base, baselineKind: 'same-hour-of-day', windowHours: 1, mentions: 25, expected: 0.2 },
      { kind: 'term', key: 'norovirus' },
    );
    expect(text).toBe(
      '25 people posted mentioning “norovirus” in the last hour; usually none at this time of day; 84% negative, usually 55%.',
    );
  });

  test('a slow build and a turn to negative are told as such, with safety concerns named', () => {
    expect(
      explainSignal(
        { ...base, trigger: 'slow-build', windowHours: 24 },
        { kind: 'topic', key: 'Parking' },
      ),
    ).toMatch(/^Slowly building: 25 people posted about Parking in the last 24 hours/);
    const negative = explainSignal(
      { ...base, trigger: 'negative-shift', ratio: 1.1, safetyMentions: 2 },
      { kind: 'story', key: 'abc' },
      'Ward 12 closed to visitors',
    );
    expect(negative).toBe(
      'Turning negative: 84% of the 25 people who posted sharing the story “Ward 12 closed to visitors” in the last 3 hours were negative, usually 55%; the volume is about usual (usually 6); 2 mentions raise a safety concern.',
    );
  });

  test('no explanation carries an internal id or a raw number format', () => {
    const text = explainSignal(
      { ...base, expected: 6.4321, negativeShare: 0.8333 },
      {
        kind: 'topic',
        key: 'Parking',
      },
    );
    expect(text).not.toMatch(/\d\.\d/);
  });
});
