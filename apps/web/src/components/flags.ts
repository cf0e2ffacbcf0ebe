import type { MentionDto, RiskFlags } from '@barometer/core';

export type FlagKey = keyof RiskFlags;

/** Flag order: most serious first, as the officer reads left to right. */
export const FLAG_LABELS: [FlagKey, string][] = [
  ['safeguarding', 'Safeguarding'],
  ['patientSafety', 'Patient safety'],
  ['urgent', 'Urgent'],
  ['complaint', 'Complaint'],
  ['pii', 'Personal data'],
];

export interface ActiveFlag {
  key: FlagKey;
  label: string;
  evidence: string[];
}

export function activeFlags(mention: MentionDto): ActiveFlag[] {
  return FLAG_LABELS.filter(([key]) => mention.flags[key]).map(([key, label]) => ({
    key,
    label,
    evidence: mention.flagEvidence[key] ?? [],
  }));
}
