import { describe, expect, test } from 'vitest';
import { detectSubject, INITIAL_SUBJECT_STATE } from './detect-subject.ts';
import { HOURS_PER_DAY, HOURS_PER_WEEK } from './hours.ts';
import { DETECTION_POLICY } from './policy.ts';
import { type ReplayEvent, replaySubject } from './replay.ts';
import type { HourlySeries } from './series.ts';
import { seededRandom } from './synthetic/random.ts';
import { type Injection, STEADY, type StreamShape, syntheticSeries } from './synthetic/streams.ts';

// Scenario tests on seeded synthetic series with a daily and weekly rhythm (Monday-midnight
// start). Offsets are hours from that start: week 4, Wednesday 10:00 is 3*168 + 2*24 + 10.

const topic = { kind: 'topic', key: 'Parking' } as const;
const WEDNESDAY_10AM_WEEK_4 = 3 * HOURS_PER_WEEK + 2 * HOURS_PER_DAY + 10;

function opened(events: ReplayEvent[]): ReplayEvent[] {
  return events.filter((e) => e.type === 'issue.opened');
}

function offsetOf(series: HourlySeries, e: ReplayEvent): number {
  return e.hour - series.startHour;
}

function replay(seed: number, shape: Partial<StreamShape>, injections: Injection[] = []) {
  const series = syntheticSeries(seededRandom(seed), { ...STEADY, ...shape }, injections);
  return { series, events: replaySubject(series, topic) };
}

describe('steady noise', () => {
  test('six weeks of steady noise at three volumes raise no alert and few watches', () => {
    let watches = 0;
    for (const meanPerHour of [0.5, 2, 10]) {
      for (let seed = 1; seed <= 10; seed++) {
        const { events } = replay(seed, { meanPerHour });
        for (const e of opened(events)) {
          expect(e.issue.severity).toBe('watch');
          watches++;
        }
      }
    }
    // 30 subject-runs of five weeks after warm-up: at most a handful of watches in all.
    expect(watches).toBeLessThanOrEqual(4);
  });

  test('a strong weekly rhythm (busy Mondays, quiet weekends) is not a spike', () => {
    const issues: ReplayEvent[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const { events } = replay(seed, { meanPerHour: 10, week: [1.6, 1, 1, 1, 1, 0.5, 0.5] });
      issues.push(...opened(events));
    }
    expect(issues.filter((e) => e.issue.trigger === 'spike')).toEqual([]);
    expect(issues.filter((e) => e.issue.severity !== 'watch')).toEqual([]);
    // At most one borderline slow build on a first Monday, in 50 subject-weeks.
    expect(issues.length).toBeLessThanOrEqual(1);
  });

  test('nothing fires during the warm-up, even a burst', () => {
    const burst: Injection = { kind: 'step', startOffset: 50, durationHours: 4, extraPerHour: 40 };
    const { series, events } = replay(3, { meanPerHour: 2 }, [burst]);
    for (const e of opened(events)) {
      expect(offsetOf(series, e)).toBeGreaterThanOrEqual(DETECTION_POLICY.warmUpHours);
    }
  });
});

describe('injected events', () => {
  test('a surge of complaints fires within three hourly buckets, becomes an alert and closes after', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const surge: Injection = {
        kind: 'step',
        startOffset: WEDNESDAY_10AM_WEEK_4,
        durationHours: 6,
        extraPerHour: 20,
      };
      const { series, events } = replay(seed, { meanPerHour: 4 }, [surge]);
      const first = opened(events).find((e) => offsetOf(series, e) >= WEDNESDAY_10AM_WEEK_4)!;
      expect(offsetOf(series, first) - WEDNESDAY_10AM_WEEK_4).toBeLessThan(3);
      const closed = events.find((e) => e.type === 'issue.closed' && e.hour > first.hour)!;
      expect(closed.issue.severity).not.toBe('watch');
      expect(offsetOf(series, closed)).toBeGreaterThanOrEqual(WEDNESDAY_10AM_WEEK_4 + 6);
    }
  });

  test('a sustained rise too small to be a spike fires by CUSUM as a slow build', () => {
    const triggers: string[] = [];
    for (let seed = 1; seed <= 10; seed++) {
      const rise: Injection = {
        kind: 'rise',
        startOffset: WEDNESDAY_10AM_WEEK_4,
        durationHours: 48,
        fraction: 0.5,
      };
      const { series, events } = replay(seed, { meanPerHour: 10 }, [rise]);
      const first = opened(events).find((e) => offsetOf(series, e) >= WEDNESDAY_10AM_WEEK_4)!;
      expect(offsetOf(series, first) - WEDNESDAY_10AM_WEEK_4).toBeLessThan(12);
      triggers.push(first.issue.trigger);
    }
    // Half as busy again is never twice the usual level, but noise can make one window so.
    expect(triggers.filter((t) => t === 'slow-build').length).toBeGreaterThanOrEqual(9);
  });

  test('a topic turning negative without getting louder raises a negative-shift alert', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const turn: Injection = {
        kind: 'negative-turn',
        startOffset: WEDNESDAY_10AM_WEEK_4,
        durationHours: 48,
        negativeShare: 0.8,
      };
      const { series, events } = replay(seed, { meanPerHour: 6 }, [turn]);
      const first = opened(events).find((e) => offsetOf(series, e) >= WEDNESDAY_10AM_WEEK_4)!;
      expect(first.issue).toMatchObject({ trigger: 'negative-shift', severity: 'alert' });
      expect(offsetOf(series, first) - WEDNESDAY_10AM_WEEK_4).toBeLessThan(12);
    }
  });
});

describe('minute ticks', () => {
  const surge: Injection = {
    kind: 'step',
    startOffset: WEDNESDAY_10AM_WEEK_4,
    durationHours: 3,
    extraPerHour: 30,
  };
  const full = syntheticSeries(seededRandom(11), { ...STEADY, meanPerHour: 3 }, [surge]);
  const upTo = (offset: number): HourlySeries => ({
    startHour: full.startHour,
    counts: full.counts.slice(0, offset + 1),
  });

  test('a spike fires inside the hour it starts, before the hour is complete', () => {
    const partial = upTo(WEDNESDAY_10AM_WEEK_4);
    const verdict = detectSubject(partial, INITIAL_SUBJECT_STATE, {
      complete: false,
      policy: DETECTION_POLICY,
    });
    expect(verdict.signal?.trigger).toBe('spike');
  });

  test('ticking many times within one hour advances the slow-build sum only once', () => {
    const series = upTo(WEDNESDAY_10AM_WEEK_4 - 1);
    const options = { complete: true, policy: DETECTION_POLICY };
    const once = detectSubject(series, INITIAL_SUBJECT_STATE, options).state;
    let again = once;
    for (let i = 0; i < 5; i++) again = detectSubject(series, again, options).state;
    expect(again).toEqual(once);
  });
});
