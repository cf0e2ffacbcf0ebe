import { describe, expect, test } from 'vitest';
import { robustSpread, robustZ, seasonalBaseline } from './baseline.ts';
import { HOURS_PER_DAY, HOURS_PER_WEEK } from './hours.ts';
import { DETECTION_POLICY } from './policy.ts';
import type { HourCounts, HourlySeries } from './series.ts';

function seriesOf(values: number[]): HourlySeries {
  return {
    startHour: 1000,
    counts: values.map(
      (authors): HourCounts => ({ authors, mentions: authors, negative: 0, safety: 0 }),
    ),
  };
}

const flat = (hours: number, value: number) => Array.from({ length: hours }, () => value);
const last = (s: HourlySeries) => s.startHour + s.counts.length - 1;

describe('seasonal baseline', () => {
  test('is unknown until three comparable past windows exist', () => {
    const s = seriesOf(flat(2 * HOURS_PER_DAY + 1, 3));
    expect(seasonalBaseline(s, last(s), 1, DETECTION_POLICY)).toBeNull();
    const s3 = seriesOf(flat(3 * HOURS_PER_DAY + 1, 3));
    expect(seasonalBaseline(s3, last(s3), 1, DETECTION_POLICY)).toMatchObject({
      kind: 'same-hour-of-day',
      expected: 3,
    });
  });

  test('uses the same hour on previous days, not the hours just before', () => {
    // Busy at 10:00 every day, quiet otherwise: 10:00 is expected to be busy.
    const values = Array.from({ length: 8 * HOURS_PER_DAY }, (_, h) =>
      h % HOURS_PER_DAY === 10 ? 20 : 1,
    );
    const s = seriesOf(values);
    const tenOClock = s.startHour + 7 * HOURS_PER_DAY + 10;
    expect(seasonalBaseline(s, tenOClock, 1, DETECTION_POLICY)?.expected).toBe(20);
    expect(seasonalBaseline(s, tenOClock + 1, 1, DETECTION_POLICY)?.expected).toBe(1);
  });

  test('switches to the same hour of the week once three weeks exist', () => {
    // A 3-hour window three weeks back needs three weeks and three hours of history.
    const s = seriesOf(flat(3 * HOURS_PER_WEEK + 3, 4));
    expect(seasonalBaseline(s, last(s), 3, DETECTION_POLICY)?.kind).toBe('same-hour-of-week');
    const short = seriesOf(flat(3 * HOURS_PER_WEEK + 2, 4));
    expect(seasonalBaseline(short, last(short), 3, DETECTION_POLICY)?.kind).toBe(
      'same-hour-of-day',
    );
  });

  test('a past spike in the history does not raise the usual level', () => {
    const values = flat(8 * HOURS_PER_DAY, 5);
    values[6 * HOURS_PER_DAY] = 200;
    const s = seriesOf(values);
    const b = seasonalBaseline(s, s.startHour + 7 * HOURS_PER_DAY, 1, DETECTION_POLICY)!;
    expect(b.history).toContain(200);
    expect(b.expected).toBe(5);
  });

  test('a learnt over-dispersion widens the spread', () => {
    const s = seriesOf(flat(8 * HOURS_PER_DAY, 10));
    const poisson = seasonalBaseline(s, last(s), 1, DETECTION_POLICY)!;
    const bursty = seasonalBaseline(s, last(s), 1, DETECTION_POLICY, 4)!;
    expect(bursty.spread).toBeGreaterThan(1.9 * poisson.spread);
  });
});

describe('robust spread', () => {
  test('never falls below Poisson noise, even when the history is perfectly flat', () => {
    const spread = robustSpread(25, 0, 7, DETECTION_POLICY);
    expect(spread).toBeGreaterThan(5);
    expect(robustZ(25 + 5 * spread, { expected: 25, spread })).toBeCloseTo(5);
  });

  test('the bias keeps a subject usually at zero from firing on one or two posts', () => {
    const spread = robustSpread(0, 0, 7, DETECTION_POLICY);
    expect(spread).toBe(DETECTION_POLICY.spreadBias);
  });
});
