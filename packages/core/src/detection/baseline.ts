import { HOURS_PER_DAY, HOURS_PER_WEEK } from './hours.ts';
import type { DetectionPolicy } from './policy.ts';
import { MAD_TO_SD, median } from './robust.ts';
import { type HourlySeries, windowTotals } from './series.ts';

/** How the usual level was found, for the explanation. */
export type BaselineKind = 'same-hour-of-day' | 'same-hour-of-week' | 'recent-weeks';

export interface Baseline {
  kind: BaselineKind;
  /** The past windows compared with (distinct authors), most recent first. */
  history: number[];
  /** The usual level: median of the history. */
  expected: number;
  /** Robust spread with a Poisson floor, the uncertainty of the median and a bias. */
  spread: number;
}

type BaselinePolicy = Pick<
  DetectionPolicy,
  'dailyLags' | 'weeklyAfterWeeks' | 'weeklyLags' | 'spreadBias'
>;

/**
 * The usual count of distinct authors for the window of `windowHours` ending at `hour`: the
 * same window on previous days, or on the same weekday once three weeks exist. Null while
 * fewer than three comparable windows are known.
 */
export function seasonalBaseline(
  series: HourlySeries,
  hour: number,
  windowHours: number,
  policy: BaselinePolicy,
  /** The subject's own over-dispersion (variance / mean, at least 1), learnt over time. */
  dispersion = 1,
): Baseline | null {
  const weekly = pastWindows(series, hour, windowHours, HOURS_PER_WEEK, policy.weeklyLags);
  const useWeekly = weekly.length >= policy.weeklyAfterWeeks;
  const step = useWeekly ? HOURS_PER_WEEK : HOURS_PER_DAY;
  const count = useWeekly ? policy.weeklyLags : policy.dailyLags;
  const history = useWeekly ? weekly : pastWindows(series, hour, windowHours, step, count);
  if (history.length < 3) return null;
  const level = median(history);
  const expected = useWeekly ? level : level * weekdayFactor(series, hour, windowHours);
  // The spread pools the deviations of the neighbouring hours too (each from its own median):
  // a MAD of three to seven values alone is too often near zero on a busy, bursty subject.
  const deviations = history.map((v) => Math.abs(v - level));
  for (const shift of [-1, 1]) {
    const neighbour = pastWindows(series, hour + shift, windowHours, step, count);
    if (neighbour.length < 3 || hour + shift - step < series.startHour) continue;
    const m = median(neighbour);
    for (const v of neighbour) deviations.push(Math.abs(v - m));
  }
  return {
    kind: useWeekly ? 'same-hour-of-week' : 'same-hour-of-day',
    history,
    expected,
    spread: robustSpread(
      expected * Math.max(1, dispersion),
      MAD_TO_SD * median(deviations),
      history.length,
      policy,
    ),
  };
}

/** Below this many authors a day, a weekday's level is noise, not a rhythm. */
const MIN_DAY_AUTHORS_FOR_RHYTHM = 24;

/**
 * Before hour-of-week baselines are possible, the same hour on previous days mixes weekdays
 * with weekends. Last week's same day against the days since corrects for it: the day
 * after a quiet weekend is expected to be busier (clamped, so one odd day cannot hide much).
 */
function weekdayFactor(series: HourlySeries, hour: number, windowHours: number): number {
  // Last week's same (UTC) day, or same window when it is a day or longer, against the six
  // days that followed it.
  const span = Math.max(24, windowHours);
  const end =
    windowHours >= 24
      ? hour - HOURS_PER_WEEK
      : Math.floor((hour - HOURS_PER_WEEK) / HOURS_PER_DAY) * HOURS_PER_DAY + 23;
  const lastWeek = windowTotals(series, end, span)?.authors;
  if (lastWeek === undefined) return 1;
  const days: number[] = [];
  for (let k = 1; k <= 6; k++) days.push(windowTotals(series, end + k * 24, span)?.authors ?? 0);
  const typical = median(days);
  if (typical < MIN_DAY_AUTHORS_FOR_RHYTHM) return 1;
  return Math.min(2, Math.max(0.5, lastWeek / typical));
}

function pastWindows(
  series: HourlySeries,
  hour: number,
  windowHours: number,
  step: number,
  count: number,
): number[] {
  const out: number[] = [];
  for (let k = 1; k <= count; k++) {
    const total = windowTotals(series, hour - k * step, windowHours);
    if (total === null) break;
    out.push(total.authors);
  }
  return out;
}

/**
 * Never below Poisson noise (social counts are over-dispersed, so the MAD usually wins on busy
 * subjects; the floor protects quiet ones), inflated for the error of a median of few values
 * (π/2n) and widened by a bias so a rare subject needs several authors, not one.
 */
export function robustSpread(
  /** The Poisson floor: the expected count, times the subject's dispersion. */
  poissonVariance: number,
  robustSd: number,
  historyLength: number,
  policy: Pick<DetectionPolicy, 'spreadBias'>,
): number {
  const variance = Math.max(robustSd * robustSd, poissonVariance);
  return Math.sqrt(
    variance * (1 + Math.PI / (2 * historyLength)) + policy.spreadBias * policy.spreadBias,
  );
}

export function robustZ(observed: number, baseline: Pick<Baseline, 'expected' | 'spread'>): number {
  return (observed - baseline.expected) / baseline.spread;
}
