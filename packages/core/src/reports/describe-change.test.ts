import { describe, expect, test } from 'vitest';
import {
  describeCoverage,
  describeSentiment,
  describeVolume,
  headline,
} from './describe-change.ts';
import type { WeekTotals } from './report-input.ts';
import type { Coverage } from './report-schema.ts';

const week = (
  positive: number,
  negative: number,
  neutral = 100 - positive - negative,
): WeekTotals => ({
  week: 'x',
  mentions: positive + neutral + negative,
  positive,
  neutral,
  negative,
  authors: 0,
  stories: null,
});

const sentiment = (value: number | null, previous: number | null, halfWidth = 2) => ({
  value,
  previous,
  low: value === null ? null : value - halfWidth,
  high: value === null ? null : value + halfWidth,
  n: 100,
  average12: null,
});

const noCoverageProblem: Coverage = { hoursInWeek: 168, sources: [], sourcesDown: 0, message: '' };

describe('the change in words', () => {
  test('a fall to the lowest of the last twelve weeks says so', () => {
    const history = Array.from({ length: 11 }, () => week(30, 18)); // +12 each
    expect(describeSentiment(sentiment(-4, 12), history)).toBe(
      'Net sentiment fell from +12 to -4, the lowest in 12 weeks.',
    );
  });

  test('a rise that is not a record says only the rise', () => {
    const history = [week(50, 10), week(30, 20), week(30, 20)];
    expect(describeSentiment(sentiment(15, 10), history)).toBe(
      'Net sentiment rose from +10 to +15.',
    );
  });

  test('a change smaller than the margin of error is flagged as such', () => {
    expect(describeSentiment(sentiment(5, 3, 8), [])).toBe(
      'Net sentiment rose from +3 to +5 (within the margin of error).',
    );
  });

  test('an unchanged figure holds, and an empty week has no sentiment to describe', () => {
    expect(describeSentiment(sentiment(4.2, 3.9), [])).toBe('Net sentiment held at +4.');
    expect(describeSentiment(sentiment(null, 3), [])).toBe(
      'Net sentiment cannot be given: no mentions were scored this week.',
    );
  });

  test('volume is compared with last week and the twelve-week average', () => {
    expect(
      describeVolume({ value: 180, previous: 120, average12: 140 }, [
        week(1, 1),
        week(1, 1),
        week(1, 1),
      ]),
    ).toBe(
      'Mentions rose from 120 to 180, 29% above the 12-week average of 140, the most in 4 weeks.',
    );
    expect(describeVolume({ value: 3, previous: null, average12: null }, [])).toBe(
      '3 mentions this week.',
    );
    expect(describeVolume({ value: 1, previous: 1, average12: null }, [])).toBe(
      'Mentions held at 1.',
    );
    expect(describeVolume({ value: 40, previous: 12, average12: 10 }, [])).toBe(
      'Mentions rose from 12 to 40, 4 times the 12-week average of 10.',
    );
    expect(describeVolume({ value: 3, previous: 1, average12: 0.2 }, [])).toBe(
      'Mentions rose from 1 to 3.',
    );
  });

  test('a quiet week with a broken feed leads with the outage, not the good news', () => {
    const coverage: Coverage = {
      hoursInWeek: 168,
      sourcesDown: 1,
      message: '',
      sources: [
        {
          sourceId: 1,
          name: 'Local news',
          kind: 'rss',
          hoursDown: 50.4,
          hoursListening: 168,
          mentions: 2,
        },
      ],
    };
    const lines = headline(
      {
        mentions: { value: 10, previous: 80, average12: 70 },
        stories: { value: 10, previous: 80, average12: 70 },
        storiesBasis: 'mentions',
        authors: { value: 5, previous: 30, average12: 30 },
        netSentiment: sentiment(20, 5),
        previous: { week: 'x', mentions: 80, stories: 80, authors: 30, netSentiment: 5 },
      },
      [],
      coverage,
      { safeguarding: 0, patientSafety: 0 },
    );
    expect(lines[0]).toBe(
      '1 source was down for 50 hours in total. Part of the fall in mentions may be that, not a quieter week.',
    );
    expect(describeCoverage(noCoverageProblem, true)).toBeNull();
  });

  test('safeguarding and patient-safety items are counted in the headline, never described', () => {
    const lines = headline(
      {
        mentions: { value: 10, previous: 10, average12: null },
        stories: { value: 10, previous: 10, average12: null },
        storiesBasis: 'mentions',
        authors: { value: 5, previous: 5, average12: null },
        netSentiment: sentiment(0, 0),
        previous: { week: 'x', mentions: 10, stories: 10, authors: 5, netSentiment: 0 },
      },
      [],
      noCoverageProblem,
      { safeguarding: 2, patientSafety: 1 },
    );
    expect(lines).toContain('2 safeguarding items and 1 patient-safety item were raised.');
    const one = headline(
      {
        mentions: { value: 1, previous: 1, average12: null },
        stories: { value: 1, previous: 1, average12: null },
        storiesBasis: 'mentions',
        authors: { value: 1, previous: 1, average12: null },
        netSentiment: sentiment(0, 0),
        previous: { week: 'x', mentions: 1, stories: 1, authors: 1, netSentiment: 0 },
      },
      [],
      noCoverageProblem,
      { safeguarding: 1, patientSafety: 0 },
    );
    expect(one).toContain('1 safeguarding item was raised.');
  });
});
