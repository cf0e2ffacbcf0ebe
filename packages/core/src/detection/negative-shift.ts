import type { DetectionPolicy } from './policy.ts';
import { wilsonLowerBound } from './robust.ts';
import { type HourlySeries, windowTotals } from './series.ts';

export interface NegativeShift {
  windowHours: number;
  authors: number;
  negative: number;
  share: number;
  /** Cautious share: the lower bound of its Wilson interval. */
  lowerBound: number;
  /** Share over the weeks before the window. */
  usualShare: number;
  /** The cautious share is above the usual by the policy's margin: getting worse, not louder. */
  rising: boolean;
}

/** The fewest authors behind a usual share worth comparing with. */
const MIN_USUAL_AUTHORS = 20;

/** Compares the negative share in a window with the subject's own share before it. */
export function negativeShift(
  series: HourlySeries,
  hour: number,
  windowHours: number,
  policy: Pick<DetectionPolicy, 'negativeMargin' | 'negativeBaselineHours'>,
  /** Wilson z: stricter for a test on its own than for a gate on a signal already unusual. */
  confidenceZ: number,
): NegativeShift | null {
  const window = windowTotals(series, hour, windowHours);
  if (window === null || window.authors === 0) return null;
  const usualEnd = hour - windowHours;
  const available = usualEnd - series.startHour + 1;
  const usual = windowTotals(series, usualEnd, Math.min(policy.negativeBaselineHours, available));
  if (usual === null || usual.authors < MIN_USUAL_AUTHORS) return null;
  const usualShare = usual.negative / usual.authors;
  const lowerBound = wilsonLowerBound(window.negative, window.authors, confidenceZ);
  return {
    windowHours,
    authors: window.authors,
    negative: window.negative,
    share: window.negative / window.authors,
    lowerBound,
    usualShare,
    rising: lowerBound >= usualShare + policy.negativeMargin,
  };
}
