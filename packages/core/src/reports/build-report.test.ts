import { describe, expect, test } from 'vitest';
import { buildWeeklyReport, reportMentionIds } from './build-report.ts';
import type { ReportInput } from './report-input.ts';
import { WeeklyReport } from './report-schema.ts';
import { reportMention as m } from './test-mention.ts';

const base: ReportInput = {
  week: '2026-W48',
  now: '2026-11-30T07:00:00.000Z',
  mentions: [],
  previousMentions: [],
  totals: [],
  sources: [{ id: 1, name: 'Echo', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' }],
  outages: [],
  taxonomyTopics: [],
  firstWeek: '2026-W40',
};

describe('the weekly report', () => {
  test('an empty week is a valid report that says nothing was scored', () => {
    const report = WeeklyReport.parse(buildWeeklyReport(base));
    expect(report.mentions.value).toBe(0);
    expect(report.netSentiment.value).toBeNull();
    expect(report.trend).toHaveLength(12);
    expect(report.headline[0]).toMatch(/cannot be given/);
    expect(report.emergingIssues).toMatchObject({ available: false });
    expect(JSON.stringify(report.emergingIssues)).toMatch(/not yet available/);
    expect(report.responsiveness.message).toMatch(/not yet available/);
  });

  test('this week is counted from its own mentions, and mentions outside it are left out', () => {
    const report = buildWeeklyReport({
      ...base,
      mentions: [
        m({ id: 1, label: 'positive', score: 0.8, authorKey: 'a', topics: ['Timeliness of care'] }),
        m({ id: 2, label: 'negative', authorKey: 'b', topics: ['Timeliness of care'] }),
        m({ id: 3, label: 'positive', authorKey: 'a' }),
        m({ id: 4, at: '2026-11-30T00:00:00Z', label: 'negative' }),
      ],
      previousMentions: [
        m({ id: 9, at: '2026-11-17T09:00:00Z', label: 'negative', topics: ['Car parking'] }),
      ],
      totals: [
        // A stale rollup row for this week is overridden by the week's own mentions.
        {
          week: '2026-W48',
          mentions: 99,
          positive: 0,
          neutral: 99,
          negative: 0,
          authors: 0,
          stories: null,
        },
        {
          week: '2026-W47',
          mentions: 1,
          positive: 0,
          neutral: 0,
          negative: 1,
          authors: 1,
          stories: null,
        },
      ],
    });
    expect(report.mentions).toEqual({ value: 3, previous: 1, average12: 0.1 });
    expect(report.authors.value).toBe(2);
    expect(report.netSentiment.value).toBeCloseTo(33.3, 1);
    expect(report.headline).toEqual([
      'Net sentiment rose from -100 to +33.',
      'Mentions rose from 1 to 3, the most in 9 weeks.',
    ]);
    expect(report.byTopic.map((t) => [t.topic, t.mentions, t.change])).toEqual([
      ['Timeliness of care', 2, 2],
      ['Car parking', 0, -1],
    ]);
    expect(report.bestStories.map((s) => s.mentionId)).toEqual([1, 3]);
    expect(report.bySource[0]).toMatchObject({ name: 'Echo', mentions: 3, previousMentions: 1 });
    expect(
      reportMentionIds({
        week: base.week,
        mentions: [m({ id: 8 }), m({ id: 5 }), m({ id: 7, at: '2026-12-01T00:00:00Z' })],
      }),
    ).toEqual([5, 8]);
  });

  test('a source added after the week is not listed as silent in it', () => {
    const report = buildWeeklyReport({
      ...base,
      sources: [
        ...base.sources,
        { id: 2, name: 'Later', kind: 'rss', createdAt: '2026-12-01T00:00:00Z' },
      ],
    });
    expect(report.bySource.map((s) => s.name)).toEqual(['Echo']);
  });
});
