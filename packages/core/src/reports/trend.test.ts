import { describe, expect, test } from 'vitest';
import type { ReportMention } from './report-input.ts';
import { filledTotals, trendSeries } from './trend.ts';
import { weekTotals } from './week-totals.ts';

const mention = (over: Partial<ReportMention>): ReportMention => ({
  id: 1,
  sourceId: 1,
  at: '2026-11-24T10:00:00Z',
  label: 'neutral',
  score: 0,
  topics: [],
  flags: { safeguarding: false, patientSafety: false, complaint: false },
  authorKey: null,
  threadKey: 't1',
  isThreadRoot: true,
  ...over,
});

describe('week totals', () => {
  test('count mentions by label and distinct named authors, only inside the week', () => {
    const totals = weekTotals('2026-W48', [
      mention({ id: 1, label: 'positive', authorKey: 'a' }),
      mention({ id: 2, label: 'negative', authorKey: 'a' }),
      mention({ id: 3, label: 'negative', authorKey: 'b' }),
      mention({ id: 4, label: 'neutral', authorKey: null }),
      mention({ id: 5, at: '2026-11-30T00:00:00Z', authorKey: 'c' }),
    ]);
    expect(totals).toEqual({
      week: '2026-W48',
      mentions: 4,
      positive: 1,
      neutral: 1,
      negative: 2,
      authors: 2,
      stories: null,
    });
  });

  test('count stories once detection has grouped mentions, each ungrouped mention its own story', () => {
    const totals = weekTotals('2026-W48', [
      mention({ id: 1, storyKey: '7' }),
      mention({ id: 2, storyKey: '7' }),
      mention({ id: 3, storyKey: null }),
    ]);
    expect(totals.stories).toBe(2);
    expect(weekTotals('2026-W48', [mention({ id: 1 })]).stories).toBeNull();
  });
});

describe('the twelve-week trend', () => {
  test('fills the weeks with no mentions with zeros and no sentiment', () => {
    const trend = trendSeries('2026-W48', [
      {
        week: '2026-W48',
        mentions: 10,
        positive: 5,
        neutral: 3,
        negative: 2,
        authors: 4,
        stories: null,
      },
      {
        week: '2026-W40',
        mentions: 4,
        positive: 0,
        neutral: 2,
        negative: 2,
        authors: 1,
        stories: null,
      },
    ]);
    expect(trend.map((p) => p.week)).toEqual([
      '2026-W37',
      '2026-W38',
      '2026-W39',
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
      '2026-W48',
    ]);
    expect(trend[3]).toMatchObject({ mentions: 4, netSentiment: -50 });
    expect(trend[4]).toMatchObject({ mentions: 0, netSentiment: null });
    expect(trend[11]).toMatchObject({ mentions: 10, netSentiment: 30 });
    expect(trend[11]?.from).toBe('2026-11-23T00:00:00.000Z');
  });

  test('ignores rollup rows outside the window', () => {
    const filled = filledTotals(
      '2026-W02',
      [
        {
          week: '2025-W01',
          mentions: 99,
          positive: 0,
          neutral: 99,
          negative: 0,
          authors: 0,
          stories: null,
        },
      ],
      3,
    );
    expect(filled.map((t) => [t.week, t.mentions])).toEqual([
      ['2025-W52', 0],
      ['2026-W01', 0],
      ['2026-W02', 0],
    ]);
  });
});
