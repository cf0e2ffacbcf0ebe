import { describe, expect, test } from 'vitest';
import { bySource, bySourceKind } from './by-source.ts';
import { byTopic, topicMovers } from './by-topic.ts';
import type { ReportMention, ReportSource } from './report-input.ts';

let nextId = 1;
const mention = (over: Partial<ReportMention>): ReportMention => ({
  id: nextId++,
  sourceId: 1,
  at: '2026-11-24T10:00:00Z',
  label: 'neutral',
  score: 0,
  topics: [],
  flags: { safeguarding: false, patientSafety: false, complaint: false },
  authorKey: null,
  threadKey: `t${nextId}`,
  isThreadRoot: true,
  ...over,
});

const sources: ReportSource[] = [
  { id: 1, name: 'Echo', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
  { id: 2, name: 'Borough blog', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
  { id: 3, name: 'Silent feed', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
];

describe('by source', () => {
  test('lists every source busiest first, the silent ones with zero', () => {
    const rows = bySource(
      [
        mention({ sourceId: 2, label: 'negative' }),
        mention({ sourceId: 2, label: 'positive' }),
        mention({ sourceId: 2, label: 'positive' }),
        mention({ sourceId: 1, label: 'negative' }),
      ],
      [mention({ sourceId: 3 }), mention({ sourceId: 1 })],
      sources,
    );
    expect(rows.map((r) => [r.name, r.mentions, r.previousMentions])).toEqual([
      ['Borough blog', 3, 0],
      ['Echo', 1, 1],
      ['Silent feed', 0, 1],
    ]);
    expect(rows[0]?.netSentiment).toBeCloseTo(33.3, 1);
    expect(rows[2]?.netSentiment).toBeNull();
  });

  test('adds sources of one kind together', () => {
    const rows = bySourceKind(
      bySource(
        [mention({ sourceId: 1, label: 'positive' }), mention({ sourceId: 2 })],
        [],
        sources,
      ),
    );
    expect(rows).toEqual([
      {
        kind: 'rss',
        mentions: 2,
        previousMentions: 0,
        positive: 1,
        neutral: 1,
        negative: 0,
        netSentiment: 50,
      },
    ]);
  });
});

describe('by topic', () => {
  test('counts a mention once in each of its topics and tells the taxonomy from the framework', () => {
    const rows = byTopic(
      [
        mention({ topics: ['Timeliness of care', 'Ward 12', 'Ward 12'], label: 'negative' }),
        mention({ topics: ['Timeliness of care', '#NoBedsAgain'] }),
      ],
      [mention({ topics: ['Car parking'] })],
      ['Ward 12'],
    );
    expect(rows.map((r) => [r.topic, r.group, r.mentions, r.previousMentions, r.change])).toEqual([
      ['Timeliness of care', 'framework', 2, 0, 2],
      ['#NoBedsAgain', 'hashtag', 1, 0, 1],
      ['Ward 12', 'taxonomy', 1, 0, 1],
      ['Car parking', 'framework', 0, 1, -1],
    ]);
  });

  test('the topics that moved most are those with the largest change, falls included', () => {
    const row = (topic: string, mentions: number, previousMentions: number) => ({
      topic,
      group: 'framework' as const,
      mentions,
      previousMentions,
      change: mentions - previousMentions,
      positive: 0,
      neutral: mentions,
      negative: 0,
      netSentiment: null,
    });
    const movers = topicMovers(
      [
        row('steady', 50, 50),
        row('big rise', 55, 50),
        row('from one', 6, 1),
        row('fall', 2, 12),
        row('up 1', 3, 2),
      ],
      3,
    );
    expect(movers.map((r) => r.topic)).toEqual(['fall', 'from one', 'big rise']);
  });
});
