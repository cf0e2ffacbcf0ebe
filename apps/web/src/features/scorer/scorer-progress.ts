import type { ScorerStatus } from '@barometer/core';

export function isRescoring(status: ScorerStatus): boolean {
  return status.mentionsOnCurrentVersion < status.mentionsTotal;
}

const count = new Intl.NumberFormat('en-GB');

/** "Re-scoring: 12,345 / 40,000", or null when every mention is on the current version. */
export function scorerProgressText(status: ScorerStatus): string | null {
  if (!isRescoring(status)) return null;
  return `Re-scoring: ${count.format(status.mentionsOnCurrentVersion)} / ${count.format(status.mentionsTotal)}`;
}

/** Share done, 0–1, for the progress bar. */
export function scorerProgressRatio(status: ScorerStatus): number {
  if (status.mentionsTotal <= 0) return 1;
  return Math.min(1, Math.max(0, status.mentionsOnCurrentVersion / status.mentionsTotal));
}
