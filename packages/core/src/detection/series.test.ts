import { describe, expect, test } from 'vitest';
import { HOUR_MS } from './hours.ts';
import { type DetectionMention, denseSeries, rollUp, windowTotals } from './series.ts';

const at = (hour: number, minute = 0) => hour * HOUR_MS + minute * 60_000;
const H = 500_000;

function mention(over: Partial<DetectionMention> & { id: string }): DetectionMention {
  return {
    sourceId: 'feed-1',
    author: null,
    time: at(H),
    negative: false,
    safety: false,
    storyId: over.id,
    ...over,
  };
}

describe('hourly rollups', () => {
  test('count distinct authors per hour, with a feed without authors as one voice', () => {
    const rollups = rollUp(
      [
        mention({ id: '1', author: 'ann', negative: true }),
        mention({ id: '2', author: 'Ann', time: at(H, 30) }),
        mention({ id: '3', author: 'bob', safety: true }),
        mention({ id: '4', sourceId: 'bbc' }),
        mention({ id: '5', sourceId: 'bbc', time: at(H + 1) }),
      ],
      () => [{ kind: 'topic', key: 'Parking' }],
    );
    const first = rollups.find((r) => r.hour === H)!;
    expect(first).toMatchObject({ authors: 3, mentions: 4, negative: 1, safety: 1 });
    expect(rollups.find((r) => r.hour === H + 1)).toMatchObject({ authors: 1, mentions: 1 });
  });

  test("a feed's repeats of one story count as one mention", () => {
    const rollups = rollUp(
      [
        mention({ id: 'a', storyId: 'story-1' }),
        mention({ id: 'b', storyId: 'story-1', time: at(H, 20) }),
        mention({ id: 'c', storyId: 'story-1', sourceId: 'other-feed' }),
      ],
      () => [{ kind: 'story', key: 'story-1' }],
    );
    expect(rollups).toHaveLength(1);
    expect(rollups[0]).toMatchObject({ mentions: 2, authors: 2 });
  });

  test('a mention counts for each of its subjects', () => {
    const rollups = rollUp([mention({ id: '1' })], () => [
      { kind: 'topic', key: 'Parking' },
      { kind: 'topic', key: 'Waiting times' },
    ]);
    expect(rollups.map((r) => r.subject.key).sort()).toEqual(['Parking', 'Waiting times']);
  });
});

describe('dense series and windows', () => {
  const rollups = [
    { hour: 10, authors: 2, mentions: 3, negative: 1, safety: 0 },
    { hour: 12, authors: 5, mentions: 5, negative: 2, safety: 1 },
  ];
  const series = denseSeries(rollups, 10, 13);

  test('fills the hours without activity with zeros', () => {
    expect(series.counts.map((c) => c.authors)).toEqual([2, 0, 5, 0]);
  });

  test('window totals add the hours ending at the given hour', () => {
    expect(windowTotals(series, 12, 3)).toEqual({
      authors: 7,
      mentions: 8,
      negative: 3,
      safety: 1,
    });
  });

  test('a window reaching before the series began is unknown, not zero', () => {
    expect(windowTotals(series, 11, 3)).toBeNull();
    expect(windowTotals(series, 14, 1)).toBeNull();
  });
});
