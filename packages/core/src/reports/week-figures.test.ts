import { describe, expect, test } from 'vitest';
import type { WeekTotals } from './report-input.ts';
import { weekFigures } from './week-figures.ts';

const totals = (
  week: string,
  positive: number,
  neutral: number,
  negative: number,
  authors = 0,
): WeekTotals => ({
  week,
  mentions: positive + neutral + negative,
  positive,
  neutral,
  negative,
  authors,
  stories: null,
});

describe('the week in numbers', () => {
  test('compares this week with last week and the average of the twelve weeks before', () => {
    const weeks = [
      totals('2026-W35', 50, 0, 0, 50), // thirteen weeks back: outside the average
      totals('2026-W36', 10, 10, 0, 5),
      ...Array.from({ length: 10 }, (_, i) => totals(`2026-W${37 + i}`, 6, 2, 2, 4)),
    ];
    weeks.push(totals('2026-W47', 4, 4, 2, 6));
    weeks.push(totals('2026-W48', 1, 4, 5, 9));
    const f = weekFigures('2026-W48', weeks, '2026-W30');
    // W36 (20), ten weeks of 10 and W47 (10).
    expect(f.mentions).toEqual({ value: 10, previous: 10, average12: 10.8 });
    expect(f.authors.value).toBe(9);
    expect(f.authors.previous).toBe(6);
    expect(f.authors.average12).toBe(4.3); // (5 + 10 * 4 + 6) / 12
    expect(f.netSentiment.value).toBe(-40);
    expect(f.netSentiment.previous).toBe(20);
    expect(f.previous).toEqual({
      week: '2026-W47',
      mentions: 10,
      stories: 10,
      authors: 6,
      netSentiment: 20,
    });
  });

  test('counts mentions as stories until stories are detected', () => {
    const f = weekFigures('2026-W48', [totals('2026-W48', 1, 1, 1)], '2026-W48');
    expect(f.storiesBasis).toBe('mentions');
    expect(f.stories.value).toBe(3);
    const withStories = weekFigures(
      '2026-W48',
      [{ ...totals('2026-W48', 1, 1, 1), stories: 2 }],
      '2026-W48',
    );
    expect(withStories.storiesBasis).toBe('stories');
    expect(withStories.stories.value).toBe(2);
  });

  test('the first week listened has nothing to compare with, not a fall from zero', () => {
    const f = weekFigures('2026-W48', [totals('2026-W48', 2, 0, 0)], '2026-W48');
    expect(f.mentions).toEqual({ value: 2, previous: null, average12: null });
    expect(f.netSentiment.previous).toBeNull();
    expect(f.netSentiment.average12).toBeNull();
  });

  test('an empty week after busy ones is a real zero against real averages', () => {
    const f = weekFigures(
      '2026-W48',
      [totals('2026-W46', 3, 0, 1), totals('2026-W47', 1, 0, 1)],
      '2026-W46',
    );
    expect(f.mentions).toEqual({ value: 0, previous: 2, average12: 3 });
    expect(f.netSentiment.value).toBeNull();
    expect(f.netSentiment.previous).toBe(0);
    expect(f.netSentiment.average12).toBe(25);
  });

  test('a week with no deployment at all has no figures to compare', () => {
    const f = weekFigures('2026-W48', [], null);
    expect(f.mentions).toEqual({ value: 0, previous: null, average12: null });
  });
});
