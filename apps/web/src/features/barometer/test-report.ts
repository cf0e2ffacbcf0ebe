import { buildWeeklyReport, type ReportMention, type WeeklyReport } from '@barometer/core';

let nextId = 1;

function mention(over: Partial<ReportMention>): ReportMention {
  const id = nextId++;
  return {
    id,
    sourceId: 1,
    at: '2026-11-24T10:00:00Z',
    label: 'neutral',
    score: 0,
    topics: [],
    flags: { safeguarding: false, patientSafety: false, complaint: false },
    authorKey: null,
    threadKey: `1:${id}`,
    isThreadRoot: true,
    ...over,
  };
}

/** A small real report of 2026-W48, built by core, for the page's unit tests. */
export function testReport(): WeeklyReport {
  return buildWeeklyReport({
    week: '2026-W48',
    now: '2026-11-30T07:00:00.000Z',
    mentions: [
      mention({
        label: 'positive',
        score: 0.9,
        authorKey: 'a',
        topics: ['Staff manner & personal attributes'],
      }),
      mention({ label: 'positive', score: 0.6, authorKey: 'b' }),
      mention({
        label: 'negative',
        authorKey: 'c',
        topics: ['Car parking'],
        flags: { safeguarding: true, patientSafety: false, complaint: false },
      }),
      mention({ sourceId: 2, label: 'neutral' }),
    ],
    previousMentions: [
      mention({ at: '2026-11-17T10:00:00Z', label: 'negative', topics: ['Car parking'] }),
    ],
    totals: [
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
    sources: [
      { id: 1, name: 'Northfield Echo', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
      { id: 2, name: 'Borough blog', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
    ],
    outages: [{ sourceId: 2, from: '2026-11-25T00:00:00Z', to: '2026-11-27T06:00:00Z' }],
    taxonomyTopics: [],
    firstWeek: '2026-W40',
  });
}
