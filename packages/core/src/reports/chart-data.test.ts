import { describe, expect, test } from 'vitest';
import {
  sentimentDomain,
  sourceChartData,
  topicChartData,
  trendChartData,
  weekLabel,
} from './chart-data.ts';
import { mentionsLink } from './mention-links.ts';
import type { SourceRow, TopicRow } from './report-schema.ts';
import { trendSeries } from './trend.ts';

describe('chart data', () => {
  test('the trend has one point per week, labelled by its Monday, with gaps kept as nulls', () => {
    const data = trendChartData(
      trendSeries('2026-W48', [
        {
          week: '2026-W48',
          mentions: 4,
          positive: 2,
          neutral: 2,
          negative: 0,
          authors: 1,
          stories: null,
        },
      ]),
    );
    expect(data).toHaveLength(12);
    expect(data[11]).toEqual({
      week: '2026-W48',
      label: '23 Nov',
      mentions: 4,
      positive: 2,
      neutral: 2,
      negative: 0,
      netSentiment: 50,
    });
    expect(data[0]?.netSentiment).toBeNull();
    expect(weekLabel('2026-06-28T23:00:00.000Z')).toBe('29 Jun');
  });

  test('sources beyond the busiest are added up as other sources, silent ones left off', () => {
    const row = (sourceId: number, mentions: number): SourceRow => ({
      sourceId,
      name: `S${sourceId}`,
      kind: 'rss',
      mentions,
      previousMentions: 0,
      positive: mentions,
      neutral: 0,
      negative: 0,
      netSentiment: null,
    });
    const data = sourceChartData([row(1, 9), row(2, 5), row(3, 2), row(4, 1), row(5, 0)], 2);
    expect(data.map((d) => [d.name, d.total])).toEqual([
      ['S1', 9],
      ['S2', 5],
      ['Other sources (2)', 3],
    ]);
  });

  test('topics are shown beside last week', () => {
    const row = {
      group: 'framework',
      previousMentions: 3,
      change: 1,
      positive: 0,
      neutral: 4,
      negative: 0,
      netSentiment: 0,
    } as const;
    const rows: TopicRow[] = [
      { ...row, topic: 'A', mentions: 4 },
      { ...row, topic: 'B', mentions: 0 },
    ];
    expect(topicChartData(rows)).toEqual([{ topic: 'A', thisWeek: 4, lastWeek: 3 }]);
  });

  test('the sentiment axis is symmetric around zero', () => {
    expect(sentimentDomain([])).toEqual([-20, 20]);
    const trend = trendSeries('2026-W48', [
      {
        week: '2026-W48',
        mentions: 4,
        positive: 0,
        neutral: 1,
        negative: 3,
        authors: 1,
        stories: null,
      },
    ]);
    expect(sentimentDomain(trend)).toEqual([-80, 80]);
  });
});

describe('links to the mentions behind a number', () => {
  test('carry the week and the filter in the inbox address', () => {
    expect(
      mentionsLink({
        from: '2026-11-23T00:00:00.000Z',
        to: '2026-11-30T00:00:00.000Z',
        topic: 'Car parking',
        label: 'negative',
      }),
    ).toBe(
      '/?from=2026-11-23T00%3A00%3A00.000Z&to=2026-11-30T00%3A00%3A00.000Z&label=negative&topic=Car+parking',
    );
    expect(
      mentionsLink({ from: 'a', to: 'b', mentionId: 7 }, 'https://barometer.example.nhs.uk'),
    ).toBe('https://barometer.example.nhs.uk/?mention=7');
  });
});
