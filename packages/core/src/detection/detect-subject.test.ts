import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectSubject, INITIAL_SUBJECT_STATE } from './detect-subject.ts';
import { HOURS_PER_WEEK } from './hours.ts';
import { DETECTION_POLICY } from './policy.ts';
import type { HourlySeries } from './series.ts';
import { seededRandom } from './synthetic/random.ts';
import { STEADY, syntheticSeries } from './synthetic/streams.ts';

const options = { complete: true, policy: DETECTION_POLICY };

describe('detectSubject', () => {
  test('never looks ahead: the verdict at an hour ignores every later hour', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 200, max: 3 * HOURS_PER_WEEK }),
        fc.double({ min: 0.2, max: 20, noNaN: true }),
        (seed, hour, mean) => {
          const full = syntheticSeries(seededRandom(seed), {
            ...STEADY,
            weeks: 4,
            meanPerHour: mean,
          });
          const truncated: HourlySeries = {
            startHour: full.startHour,
            counts: full.counts.slice(0, hour + 1),
          };
          const at = full.startHour + hour;
          expect(detectSubject(full, INITIAL_SUBJECT_STATE, { ...options, hour: at })).toEqual(
            detectSubject(truncated, INITIAL_SUBJECT_STATE, options),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  test('a subject nobody mentions never fires and is always calm', () => {
    const silent: HourlySeries = {
      startHour: 1000,
      counts: Array.from({ length: 3 * HOURS_PER_WEEK }, () => ({
        authors: 0,
        mentions: 0,
        negative: 0,
        safety: 0,
      })),
    };
    const verdict = detectSubject(silent, INITIAL_SUBJECT_STATE, options);
    expect(verdict).toMatchObject({ signal: null, calm: true });
    expect(verdict.state.cusum).toBe(0);
  });

  test('three hours of thirty people, all negative, page the on-call person', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const series = syntheticSeries(seededRandom(seed), { ...STEADY, weeks: 3 });
        const last = series.counts.length - 1;
        // Three hours of 30 people, every one of them negative.
        for (let i = last - 2; i <= last; i++) {
          series.counts[i] = { authors: 30, mentions: 30, negative: 30, safety: 0 };
        }
        const { signal } = detectSubject(series, INITIAL_SUBJECT_STATE, options);
        expect(signal?.severity).toBe('page');
        expect(signal?.negativeRising).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
