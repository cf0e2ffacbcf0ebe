import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { clamp01, MAD_TO_SD, median, medianAbsoluteDeviation, wilsonLowerBound } from './robust.ts';

describe('median and MAD', () => {
  test('the median of an odd and an even list', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  test('one wild value moves neither the median nor the MAD much', () => {
    const calm = [10, 11, 9, 10, 12, 8, 10];
    const withSpike = [10, 11, 9, 10, 12, 8, 500];
    expect(median(withSpike)).toBe(median(calm));
    expect(medianAbsoluteDeviation(withSpike)).toBeLessThanOrEqual(
      medianAbsoluteDeviation(calm) + 1,
    );
  });

  test('the median lies between the smallest and largest value, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (xs) => {
        const m = median(xs);
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });

  test('scaled MAD estimates the standard deviation of normal data', () => {
    // Quantiles of a standard normal: their MAD is the normal's 0.75 quantile (1/1.4826).
    const xs = Array.from({ length: 999 }, (_, i) => normalQuantile((i + 1) / 1000));
    expect(MAD_TO_SD * medianAbsoluteDeviation(xs)).toBeCloseTo(1, 1);
  });
});

function normalQuantile(p: number): number {
  // Acklam's rational approximation is overkill here: bisection on the error function suffices.
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCdf(x: number): number {
  // Abramowitz and Stegun 7.1.26.
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

describe('Wilson lower bound', () => {
  test('is cautious on few posts and close to the share on many', () => {
    expect(wilsonLowerBound(4, 5)).toBeLessThan(0.5);
    expect(wilsonLowerBound(800, 1000)).toBeGreaterThan(0.77);
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });

  test('never exceeds the observed share and never goes below zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, seed) => {
        const k = seed % (n + 1);
        const lb = wilsonLowerBound(k, n);
        expect(lb).toBeGreaterThanOrEqual(0);
        expect(lb).toBeLessThanOrEqual(k / n + 1e-12);
      }),
    );
  });

  test('clamp01 keeps a value in [0, 1]', () => {
    expect([clamp01(-1), clamp01(0.4), clamp01(3)]).toEqual([0, 0.4, 1]);
  });
});
