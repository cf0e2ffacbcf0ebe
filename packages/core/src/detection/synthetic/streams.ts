import { HOURS_PER_DAY, HOURS_PER_WEEK, hourOf } from '../hours.ts';
import type { HourCounts, HourlySeries } from '../series.ts';
import { binomial, gamma, poisson, type Random } from './random.ts';

/** Monday 5 January 2026, 00:00 UTC: synthetic streams start on a Monday at midnight. */
export const SYNTHETIC_START_HOUR = hourOf(Date.UTC(2026, 0, 5));

// Quiet nights, a morning rise, a lunchtime and an evening peak (mean 1 over the day).
const DAY_SHAPE = [
  0.25, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 1.0, 1.3, 1.5, 1.5, 1.4, 1.5, 1.4, 1.3, 1.3, 1.3, 1.4, 1.5,
  1.6, 1.5, 1.2, 0.8, 0.5,
];
const DAY_MEAN = DAY_SHAPE.reduce((a, b) => a + b, 0) / DAY_SHAPE.length;
/** Monday to Sunday: busier after the weekend, quieter at it. */
export const TYPICAL_WEEK = [1.2, 1.1, 1.05, 1, 1, 0.85, 0.8];

export interface StreamShape {
  weeks: number;
  /** Average distinct authors per hour over the week. */
  meanPerHour: number;
  dailyRhythm: boolean;
  /** Seven multipliers, Monday first; all 1 for none. */
  week: readonly number[];
  /** Gamma shape of the hour-to-hour variation in the rate (over-dispersion); null for Poisson. */
  dispersion: number | null;
  negativeShare: number;
}

export const STEADY: StreamShape = {
  weeks: 6,
  meanPerHour: 2,
  dailyRhythm: true,
  week: TYPICAL_WEEK,
  dispersion: null,
  negativeShare: 0.3,
};

export type Injection =
  /** Extra authors per hour for the duration, added to the usual rate. */
  | { kind: 'step'; startOffset: number; durationHours: number; extraPerHour: number }
  /** Extra authors per hour growing linearly from zero to `peakExtraPerHour`. */
  | { kind: 'ramp'; startOffset: number; durationHours: number; peakExtraPerHour: number }
  /** The usual rate raised by this fraction (0.5 = half as busy again) at every hour. */
  | { kind: 'rise'; startOffset: number; durationHours: number; fraction: number }
  /** The same volume, but this share of it negative. */
  | { kind: 'negative-turn'; startOffset: number; durationHours: number; negativeShare: number };

/** The usual rate at an hour offset from the (Monday midnight) start. */
export function usualRate(shape: StreamShape, offset: number): number {
  const hourOfDay = offset % HOURS_PER_DAY;
  const day = Math.floor((offset % HOURS_PER_WEEK) / HOURS_PER_DAY);
  const daily = shape.dailyRhythm ? DAY_SHAPE[hourOfDay]! / DAY_MEAN : 1;
  const weekMean = shape.week.reduce((a, b) => a + b, 0) / 7;
  return (shape.meanPerHour * daily * shape.week[day]!) / weekMean;
}

function inWindow(offset: number, i: Injection): boolean {
  return offset >= i.startOffset && offset < i.startOffset + i.durationHours;
}

/** A dense hourly series of one subject with the given rhythm, noise and injected events. */
export function syntheticSeries(
  random: Random,
  shape: StreamShape,
  injections: readonly Injection[] = [],
): HourlySeries {
  const hours = shape.weeks * HOURS_PER_WEEK;
  const counts: HourCounts[] = [];
  for (let offset = 0; offset < hours; offset++) {
    let rate = usualRate(shape, offset);
    if (shape.dispersion !== null) rate *= gamma(random, shape.dispersion) / shape.dispersion;
    let share = shape.negativeShare;
    let extra = 0;
    for (const i of injections) {
      if (!inWindow(offset, i)) continue;
      if (i.kind === 'step') extra += i.extraPerHour;
      if (i.kind === 'rise') extra += usualRate(shape, offset) * i.fraction;
      if (i.kind === 'ramp') {
        extra += (i.peakExtraPerHour * (offset - i.startOffset + 1)) / i.durationHours;
      }
      if (i.kind === 'negative-turn') share = i.negativeShare;
    }
    const usual = poisson(random, rate);
    const injected = poisson(random, extra);
    // Injected voices are as negative as the event is; a surge is usually a complaint.
    const negative = binomial(random, usual, share) + binomial(random, injected, 0.8);
    const authors = usual + injected;
    counts.push({
      authors,
      mentions: authors + poisson(random, authors * 0.2),
      negative,
      safety: 0,
    });
  }
  return { startHour: SYNTHETIC_START_HOUR, counts };
}
