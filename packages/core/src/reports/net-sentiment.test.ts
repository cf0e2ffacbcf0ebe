import { describe, expect, test } from 'vitest';
import { formatPoints, labelCountsOf, netSentiment } from './net-sentiment.ts';

describe('net sentiment', () => {
  test('is the positive share minus the negative share, in points', () => {
    const s = netSentiment({ positive: 30, neutral: 50, negative: 20 });
    expect(s.value).toBe(10);
    expect(s.n).toBe(100);
  });

  test('carries a 95% interval that narrows as the week gets busier', () => {
    const small = netSentiment({ positive: 3, neutral: 5, negative: 2 });
    const large = netSentiment({ positive: 300, neutral: 500, negative: 200 });
    expect(small.value).toBe(large.value);
    const width = (s: typeof small) => (s.high ?? 0) - (s.low ?? 0);
    expect(width(small)).toBeGreaterThan(width(large) * 5);
    // sqrt((0.3 + 0.2 - 0.01) / 1000) * 1.96 = 0.0434
    expect(large.low).toBeCloseTo(5.7, 1);
    expect(large.high).toBeCloseTo(14.3, 1);
  });

  test('stays within -100 and +100 even for a tiny, one-sided week', () => {
    const s = netSentiment({ positive: 0, neutral: 0, negative: 2 });
    expect(s.value).toBe(-100);
    expect(s.low).toBe(-100);
    expect(s.high).toBeLessThanOrEqual(100);
  });

  test('has no value in an empty week rather than a misleading zero', () => {
    expect(netSentiment({ positive: 0, neutral: 0, negative: 0 })).toEqual({
      value: null,
      low: null,
      high: null,
      n: 0,
    });
  });

  test('labels are counted from mentions', () => {
    expect(
      labelCountsOf([{ label: 'positive' }, { label: 'negative' }, { label: 'negative' }]),
    ).toEqual({ positive: 1, neutral: 0, negative: 2 });
  });

  test('points are written with their sign', () => {
    expect(formatPoints(12.3)).toBe('+12');
    expect(formatPoints(-4)).toBe('-4');
    expect(formatPoints(-0.2)).toBe('0');
  });
});
