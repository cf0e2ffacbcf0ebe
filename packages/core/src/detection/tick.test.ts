import { describe, expect, test } from 'vitest';
import { INITIAL_SUBJECT_STATE } from './detect-subject.ts';
import { HOUR_MS, HOURS_PER_DAY, HOURS_PER_WEEK } from './hours.ts';
import type { HourlySeries } from './series.ts';
import { seededRandom } from './synthetic/random.ts';
import { STEADY, syntheticSeries } from './synthetic/streams.ts';
import { detectionTick, type SubjectTick } from './tick.ts';

const START = 3 * HOURS_PER_WEEK + HOURS_PER_DAY + 9; // week 4, Tuesday 09:00
const full = syntheticSeries(seededRandom(5), { ...STEADY, meanPerHour: 3 }, [
  { kind: 'step', startOffset: START, durationHours: 4, extraPerHour: 30 },
]);
const upTo = (offset: number): HourlySeries => ({
  startHour: full.startHour,
  counts: full.counts.slice(0, offset + 1),
});

describe('the minute tick', () => {
  test('opens an issue once, however many minutes tick inside the hour, with words to show', () => {
    let subject: SubjectTick = {
      subject: { kind: 'topic', key: 'Parking' },
      label: 'Parking',
      series: upTo(START),
      state: INITIAL_SUBJECT_STATE,
      issue: null,
    };
    const types: string[] = [];
    let explanation = '';
    for (let minute = 10; minute < 60; minute += 10) {
      const now = (full.startHour + START) * HOUR_MS + minute * 60_000;
      const result = detectionTick(now, [subject]);
      const next = result.subjects[0]!;
      subject = { ...subject, state: next.state, issue: next.issue };
      for (const e of result.events) {
        types.push(e.type);
        explanation = e.explanation;
      }
    }
    expect(types).toEqual(['issue.opened']);
    expect(explanation).toMatch(/^\d+ people posted about Parking in the last hour/);
    expect(explanation).not.toMatch(/topic:|undefined|NaN/);
  });

  test('a quiet subject produces no events and keeps no issue', () => {
    const result = detectionTick((full.startHour + START) * HOUR_MS - 1, [
      {
        subject: { kind: 'topic', key: 'Food' },
        label: 'Food',
        series: upTo(START - 1),
        state: INITIAL_SUBJECT_STATE,
        issue: null,
      },
    ]);
    expect(result.events).toEqual([]);
    expect(result.subjects[0]!.issue).toBeNull();
  });
});
