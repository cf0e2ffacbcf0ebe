import type { BaselineKind } from './baseline.ts';
import { robustZ, seasonalBaseline } from './baseline.ts';
import { cusumStep } from './cusum.ts';
import { type NegativeShift, negativeShift } from './negative-shift.ts';
import type { DetectionPolicy } from './policy.ts';
import { type HourlySeries, lastHourOf, windowTotals } from './series.ts';
import type { Severity } from './severity.ts';
import { type SpikeResult, spikeTest } from './spike.ts';

/** What made the detector fire. */
export type Trigger = 'spike' | 'slow-build' | 'negative-shift';

/** Everything an officer needs to judge one signal, and the words are made from it. */
export interface Signal {
  hour: number;
  trigger: Trigger;
  severity: Severity;
  windowHours: number;
  /** Distinct authors in the window, and mentions (a feed's repeats counted once). */
  authors: number;
  mentions: number;
  expected: number;
  baselineKind: BaselineKind;
  z: number;
  ratio: number;
  negativeShare: number | null;
  usualNegativeShare: number | null;
  negativeRising: boolean;
  safetyMentions: number;
}

/**
 * Per-subject memory between ticks, advanced once per completed hour: the CUSUM sum, and the
 * subject's over-dispersion (an average of squared Pearson residuals, clipped so spikes do not
 * teach it that spikes are normal). Rebuilt from two weeks of rollups when lost.
 */
export interface SubjectState {
  cusum: number;
  dispersion: number;
  cusumHour: number | null;
}

export const INITIAL_SUBJECT_STATE: SubjectState = { cusum: 0, dispersion: 1, cusumHour: null };

/** Hours folded in when a subject's state starts from nothing. */
const STATE_REBUILD_HOURS = 14 * 24;
/** Weight of one hour in the dispersion average (about a fortnight's memory). */
const DISPERSION_WEIGHT = 1 / 336;
/** One hour's squared residual counts at most this much (a spike is not the noise level). */
const DISPERSION_CLIP = 16;

export interface SubjectVerdict {
  state: SubjectState;
  signal: Signal | null;
  /** The series is back near its usual level (used to close issues). */
  calm: boolean;
}

/**
 * Judges a subject at an hour (the series' last by default). A complete hour also advances CUSUM (so a
 * minute tick inside an hour can fire on a spike early, but the slow-build sum moves once an
 * hour, whatever the tick rate). Nothing fires during the stream's warm-up.
 */
export function detectSubject(
  series: HourlySeries,
  state: SubjectState,
  options: {
    complete: boolean;
    policy: DetectionPolicy;
    /** The hour judged; the series' last hour unless replaying history. */
    hour?: number;
  },
): SubjectVerdict {
  const { policy } = options;
  const hour = options.hour ?? lastHourOf(series);
  let next = state;
  let slowBuild = false;
  const lastComplete = options.complete ? hour : hour - 1;
  const from = state.cusumHour ?? Math.max(series.startHour, lastComplete - STATE_REBUILD_HOURS);
  for (let h = from + 1; h <= lastComplete; h++) {
    const step = advanceHour(series, h, next, policy);
    next = step.state;
    slowBuild ||= step.fired && h > lastComplete - 1;
  }

  if (hour - series.startHour < policy.warmUpHours) {
    return { state: next, signal: null, calm: isCalm(series, hour, policy, next.dispersion) };
  }

  const calm = isCalm(series, hour, policy, next.dispersion);
  const spikes: SpikeResult[] = [];
  for (const w of policy.windowsHours) {
    const observed = windowTotals(series, hour, w);
    const baseline = seasonalBaseline(series, hour, w, policy, next.dispersion);
    if (observed && baseline) spikes.push(spikeTest(observed.authors, baseline, w, policy));
  }
  const fired = spikes.filter((s) => s.fired).sort((a, b) => b.z - a.z)[0];
  // A slow build is explained by the window most above its usual level, and dropped when no
  // window is really above it (the sum can outlive the excess that built it).
  const highest = [...spikes].sort((a, b) => b.z - a.z)[0];
  const building = slowBuild && highest && highest.z >= policy.slowBuildMinZ ? highest : undefined;
  // A long window still above usual while the last hours are calm is old news, already told:
  // it must not keep an issue open for a day after a short burst.
  const recentSpike = fired && !(calm && fired.windowHours > 3) ? fired : undefined;
  const volume = recentSpike ?? building;
  const negative = policy.negativeWindowsHours
    .map((w) => negativeShift(series, hour, w, policy, policy.negativeConfidenceZ))
    .find(
      (n): n is NegativeShift =>
        n?.rising === true &&
        n.authors >= policy.negativeMinAuthors &&
        stillNegative(series, hour, n.usualShare + policy.negativeMargin),
    );

  if (volume) {
    const trigger: Trigger = volume === recentSpike ? 'spike' : 'slow-build';
    return { state: next, signal: volumeSignal(series, hour, volume, trigger, policy), calm };
  }
  if (negative) {
    return {
      state: next,
      signal: negativeSignal(series, hour, negative, policy, next.dispersion),
      calm,
    };
  }
  return { state: next, signal: null, calm };
}

/** The last three hours are themselves negative: a long window's share is not old news. */
function stillNegative(series: HourlySeries, hour: number, share: number): boolean {
  const recent = windowTotals(series, hour, 3);
  return recent !== null && recent.authors > 0 && recent.negative / recent.authors >= share;
}

function advanceHour(
  series: HourlySeries,
  h: number,
  state: SubjectState,
  policy: DetectionPolicy,
): { state: SubjectState; fired: boolean } {
  const observed = windowTotals(series, h, 1);
  const baseline = seasonalBaseline(series, h, 1, policy, state.dispersion);
  if (!observed || !baseline) return { state: { ...state, cusumHour: h }, fired: false };
  const residual = observed.authors - baseline.expected;
  const pearson = Math.min(DISPERSION_CLIP, (residual * residual) / Math.max(1, baseline.expected));
  const dispersion = state.dispersion + DISPERSION_WEIGHT * (pearson - state.dispersion);
  if (h - series.startHour < policy.warmUpHours) {
    return { state: { cusum: 0, dispersion, cusumHour: h }, fired: false };
  }
  const step = cusumStep(state.cusum, robustZ(observed.authors, baseline), policy);
  return { state: { cusum: step.sum, dispersion, cusumHour: h }, fired: step.fired };
}

function isCalm(
  series: HourlySeries,
  hour: number,
  policy: DetectionPolicy,
  dispersion: number,
): boolean {
  const observed = windowTotals(series, hour, 3);
  const baseline = seasonalBaseline(series, hour, 3, policy, dispersion);
  if (!observed) return true;
  if (!baseline) return observed.authors < policy.minAuthors;
  return robustZ(observed.authors, baseline) < policy.calmZ;
}

function volumeSignal(
  series: HourlySeries,
  hour: number,
  spike: SpikeResult,
  trigger: Trigger,
  policy: DetectionPolicy,
): Signal {
  const totals = windowTotals(series, hour, spike.windowHours)!;
  const gate = negativeShift(series, hour, spike.windowHours, policy, policy.gateConfidenceZ);
  const rising = gate?.rising === true;
  const sixHours = windowTotals(series, hour, 6)?.authors ?? totals.authors;
  const strong = trigger === 'slow-build' || spike.z >= policy.pageZ;
  let severity: Severity = rising ? 'alert' : 'watch';
  if (rising && strong && sixHours >= policy.pageMinAuthors6h) severity = 'page';
  if (rising && totals.safety > 0) severity = 'page';
  return {
    hour,
    trigger,
    severity,
    windowHours: spike.windowHours,
    authors: totals.authors,
    mentions: totals.mentions,
    expected: spike.baseline.expected,
    baselineKind: spike.baseline.kind,
    z: spike.z,
    ratio: spike.ratio,
    negativeShare: totals.authors > 0 ? totals.negative / totals.authors : null,
    usualNegativeShare: gate?.usualShare ?? null,
    negativeRising: rising,
    safetyMentions: totals.safety,
  };
}

function negativeSignal(
  series: HourlySeries,
  hour: number,
  shift: NegativeShift,
  policy: DetectionPolicy,
  dispersion: number,
): Signal {
  const totals = windowTotals(series, hour, shift.windowHours)!;
  const baseline = seasonalBaseline(series, hour, shift.windowHours, policy, dispersion);
  return {
    hour,
    trigger: 'negative-shift',
    severity: totals.safety > 0 ? 'page' : 'alert',
    windowHours: shift.windowHours,
    authors: shift.authors,
    mentions: totals.mentions,
    expected: baseline?.expected ?? shift.authors,
    baselineKind: baseline?.kind ?? 'same-hour-of-day',
    z: baseline ? robustZ(shift.authors, baseline) : 0,
    ratio: baseline && baseline.expected > 0 ? shift.authors / baseline.expected : 1,
    negativeShare: shift.share,
    usualNegativeShare: shift.usualShare,
    negativeRising: true,
    safetyMentions: totals.safety,
  };
}
