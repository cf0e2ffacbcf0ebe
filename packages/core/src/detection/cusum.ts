import type { DetectionPolicy } from './policy.ts';

/**
 * One-sided CUSUM on standardised residuals (Page 1954): S = max(0, S + min(z, cap) - k),
 * alarm at S >= h, then restart from zero. It accumulates a persistent small excess that no
 * single hour shows, which is how a slow build looks.
 */
export function cusumStep(
  sum: number,
  z: number,
  policy: Pick<DetectionPolicy, 'cusumK' | 'cusumH' | 'cusumCap'>,
): { sum: number; fired: boolean; peak: number } {
  const next = Math.max(0, sum + Math.min(z, policy.cusumCap) - policy.cusumK);
  if (next >= policy.cusumH) return { sum: 0, fired: true, peak: next };
  return { sum: next, fired: false, peak: next };
}
