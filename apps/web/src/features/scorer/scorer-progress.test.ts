import { expect, test } from 'vitest';
import { isRescoring, scorerProgressRatio, scorerProgressText } from './scorer-progress.ts';

test('progress reads with thousands separators while mentions await the new version', () => {
  const status = { version: 'v2', mentionsTotal: 40_000, mentionsOnCurrentVersion: 12_345 };
  expect(isRescoring(status)).toBe(true);
  expect(scorerProgressText(status)).toBe('Re-scoring: 12,345 / 40,000');
  expect(scorerProgressRatio(status)).toBeCloseTo(0.3086, 3);
});

test('nothing is shown once every mention is on the current version', () => {
  const status = { version: 'v2', mentionsTotal: 40_000, mentionsOnCurrentVersion: 40_000 };
  expect(isRescoring(status)).toBe(false);
  expect(scorerProgressText(status)).toBeNull();
  expect(scorerProgressRatio({ ...status, mentionsTotal: 0, mentionsOnCurrentVersion: 0 })).toBe(1);
});
