import { type Baseline, robustZ } from './baseline.ts';
import type { DetectionPolicy } from './policy.ts';

export interface SpikeResult {
  windowHours: number;
  observed: number;
  baseline: Baseline;
  z: number;
  /** Observed over usual; Infinity when the usual level is zero. */
  ratio: number;
  fired: boolean;
}

type SpikePolicy = Pick<
  DetectionPolicy,
  'spikeZ' | 'spikeRatio' | 'minAuthors' | 'newSubjectMinAuthors'
>;

/** Below half an author per window the subject is, for practical purposes, new. */
const NEW_SUBJECT_LEVEL = 0.5;

/**
 * A spike is surprising (robust z), large relative to the usual level (ratio) and carried by
 * enough distinct people: the floor grows with √window so a day's trickle is not a burst.
 */
export function spikeTest(
  observed: number,
  baseline: Baseline,
  windowHours: number,
  policy: SpikePolicy,
): SpikeResult {
  const z = robustZ(observed, baseline);
  const ratio = baseline.expected > 0 ? observed / baseline.expected : Number.POSITIVE_INFINITY;
  const isNew = baseline.expected < NEW_SUBJECT_LEVEL;
  const floor = Math.max(
    policy.minAuthors * Math.sqrt(windowHours),
    isNew ? policy.newSubjectMinAuthors : 0,
  );
  const fired = z >= policy.spikeZ && ratio >= policy.spikeRatio && observed >= floor;
  return { windowHours, observed, baseline, z, ratio, fired };
}
