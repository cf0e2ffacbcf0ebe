import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Baseline } from './baseline.ts';
import { cusumStep } from './cusum.ts';
import { DETECTION_POLICY } from './policy.ts';
import { spikeTest } from './spike.ts';

const baseline = (expected: number, spread: number): Baseline => ({
  kind: 'same-hour-of-day',
  history: [expected],
  expected,
  spread,
});

describe('spike test', () => {
  test('fires on a surprising, large jump carried by enough people', () => {
    expect(spikeTest(40, baseline(10, 3.5), 1, DETECTION_POLICY).fired).toBe(true);
  });

  test('needs a ratio to the usual level, not only a high z', () => {
    // A busy, steady subject: 130 against 100 is many spreads away, but not twice the level.
    const r = spikeTest(130, baseline(100, 5), 1, DETECTION_POLICY);
    expect(r.z).toBeGreaterThan(5);
    expect(r.fired).toBe(false);
  });

  test('needs more distinct authors over a longer window', () => {
    expect(spikeTest(8, baseline(0, 1), 1, DETECTION_POLICY).fired).toBe(true);
    expect(spikeTest(8, baseline(0, 1), 24, DETECTION_POLICY).fired).toBe(false);
  });

  test('a subject that is usually silent needs several people, not two', () => {
    const r = spikeTest(6, baseline(0, 1), 1, DETECTION_POLICY);
    expect(r.z).toBeGreaterThan(5);
    expect(r.ratio).toBe(Number.POSITIVE_INFINITY);
    expect(r.fired).toBe(false);
  });
});

describe('CUSUM', () => {
  test('a run of moderately high hours builds up to an alarm, then restarts', () => {
    let sum = 0;
    const fired: number[] = [];
    for (let h = 0; h < 20; h++) {
      const step = cusumStep(sum, 1.5, DETECTION_POLICY);
      sum = step.sum;
      if (step.fired) fired.push(h);
    }
    // 1.5 - k = 1 per hour: the alarm level h = 8 is reached in the 8th hour, and the 16th.
    expect(fired).toEqual([7, 15]);
  });

  test('hours at the usual level keep it at zero', () => {
    expect(cusumStep(0, 0.4, DETECTION_POLICY).sum).toBe(0);
    expect(cusumStep(3, -2, DETECTION_POLICY).sum).toBe(0.5);
  });

  test('one extreme hour counts at most the cap, so a spike alone is not a slow build', () => {
    expect(cusumStep(0, 50, DETECTION_POLICY)).toMatchObject({ fired: false, sum: 3.5 });
  });

  test('the sum is never negative and never reaches the alarm level without firing', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -10, max: 10, noNaN: true })), (zs) => {
        let sum = 0;
        for (const z of zs) {
          const step = cusumStep(sum, z, DETECTION_POLICY);
          expect(step.sum).toBeGreaterThanOrEqual(0);
          expect(step.sum).toBeLessThan(DETECTION_POLICY.cusumH);
          sum = step.sum;
        }
      }),
    );
  });
});
