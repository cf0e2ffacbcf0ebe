// Order statistics used by the baselines. Medians and MAD rather than means and SDs, so one past
// spike in the baseline days does not hide the next one.

/** Median of the values; NaN for an empty list. Does not modify its input. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation around the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** 1.4826 · MAD estimates the standard deviation of normally distributed data. */
export const MAD_TO_SD = 1.4826;

/**
 * Lower bound of the Wilson score interval for a share of `successes` out of `trials`, at
 * z = 1.96 by default: a cautious reading of a share measured on few posts.
 */
export function wilsonLowerBound(successes: number, trials: number, z = 1.96): number {
  if (trials <= 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * trials)) / trials);
  return Math.max(0, (centre - margin) / (1 + z2 / trials));
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
