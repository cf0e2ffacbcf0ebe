import { describe, expect, test } from 'vitest';
import { bestStories } from './best-stories.ts';
import { coverage } from './coverage.ts';
import { discussedThreads } from './discussed-threads.ts';
import type { ReportSource } from './report-input.ts';
import { safetyCounts } from './safety.ts';
import { reportMention as m } from './test-mention.ts';

const sources: ReportSource[] = [
  { id: 1, name: 'Echo', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
  { id: 2, name: 'Borough blog', kind: 'rss', createdAt: '2026-01-01T00:00:00Z' },
];
const flags = (over: object) => ({
  safeguarding: false,
  patientSafety: false,
  complaint: false,
  ...over,
});

describe('safeguarding and patient safety', () => {
  test('are counts against last week, with outcomes said to be not yet available', () => {
    const counts = safetyCounts(
      [
        m({ flags: flags({ safeguarding: true }) }),
        m({ flags: flags({ safeguarding: true, patientSafety: true }) }),
        m(),
      ],
      [m({ flags: flags({ patientSafety: true }) })],
    );
    expect(counts).toMatchObject({
      safeguarding: 2,
      patientSafety: 1,
      complaints: 0,
      previousSafeguarding: 0,
      previousPatientSafety: 1,
    });
    expect(counts.outcomes.available).toBe(false);
    expect(counts.outcomes.message).toMatch(/not yet available/);
  });
});

describe('best stories', () => {
  test('are the most positive mentions, one per thread, never a flagged one', () => {
    const stories = bestStories(
      [
        m({ id: 10, label: 'positive', score: 0.9, threadKey: 'a' }),
        m({ id: 11, label: 'positive', score: 0.95, threadKey: 'a' }),
        m({ id: 12, label: 'positive', score: 0.99, flags: flags({ complaint: true }) }),
        m({ id: 13, label: 'positive', score: 0.5, sourceId: 2, contentKey: 'same words' }),
        m({ id: 15, label: 'positive', score: 0.6, sourceId: 1, contentKey: 'same words' }),
        m({ id: 14, label: 'negative', score: -0.9 }),
      ],
      sources,
    );
    expect(stories.map((s) => [s.mentionId, s.sourceName])).toEqual([
      [11, 'Echo'],
      [15, 'Echo'],
    ]);
  });
});

describe('most-discussed threads', () => {
  test('rank conversations by mentions and name the mention that opened each', () => {
    const threads = discussedThreads(
      [
        m({
          id: 1,
          threadKey: 'x',
          authorKey: 'a',
          at: '2026-11-24T09:00:00Z',
          isThreadRoot: false,
        }),
        m({ id: 2, threadKey: 'x', authorKey: 'b', label: 'negative', isThreadRoot: false }),
        m({ id: 3, threadKey: 'x', authorKey: 'a', isThreadRoot: false }),
        m({ id: 4, threadKey: 'y', authorKey: 'a', isThreadRoot: false }),
        m({ id: 5, threadKey: 'y', authorKey: 'c', isThreadRoot: true }),
        m({ id: 6, threadKey: 'alone' }),
      ],
      sources,
    );
    expect(threads.map((t) => [t.mentionId, t.mentions, t.authors, t.negative])).toEqual([
      [1, 3, 2, 1],
      [5, 2, 2, 0],
    ]);
  });
});

describe('coverage', () => {
  const week = '2026-W48'; // 2026-11-23T00:00Z .. 2026-11-30T00:00Z
  const now = '2026-12-07T07:00:00Z';

  test('counts the hours each source was down inside the week only', () => {
    const c = coverage(
      week,
      sources,
      [
        { sourceId: 1, from: '2026-11-22T00:00:00Z', to: '2026-11-23T06:00:00Z' }, // 6 h in the week
        { sourceId: 1, from: '2026-11-25T00:00:00Z', to: '2026-11-25T12:30:00Z' }, // 12.5 h
        { sourceId: 1, from: '2026-11-25T10:00:00Z', to: '2026-11-25T12:00:00Z' }, // overlaps: once
      ],
      [m({ sourceId: 2 })],
      now,
    );
    expect(c.sources.map((s) => [s.name, s.hoursDown, s.mentions])).toEqual([
      ['Echo', 18.5, 0],
      ['Borough blog', 0, 1],
    ]);
    expect(c.sourcesDown).toBe(1);
    expect(c.message).toBe(
      'Echo was down for 19 hours. Mentions from it are missing for that time, so a quiet week may not be good news.',
    );
  });

  test('an outage still open counts up to now, and a source added mid-week only from then', () => {
    const c = coverage(
      week,
      [{ id: 3, name: 'New feed', kind: 'rss', createdAt: '2026-11-28T00:00:00Z' }],
      [{ sourceId: 3, from: '2026-11-29T00:00:00Z', to: null }],
      [],
      now,
    );
    expect(c.sources[0]).toMatchObject({ hoursDown: 24, hoursListening: 48 });
  });

  test('a week with every source healthy says so, and one with no sources says the figures mean nothing', () => {
    expect(coverage(week, sources, [], [], now).message).toBe(
      'All 2 sources were read throughout the week.',
    );
    expect(coverage(week, [], [], [], now).message).toMatch(/No sources were listening/);
  });

  test('the week the clocks go back has 169 hours', () => {
    expect(coverage('2026-W43', sources, [], [], now).hoursInWeek).toBe(169);
  });
});
