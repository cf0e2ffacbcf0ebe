import type { ReportMention } from './report-input.ts';
import type { SafetyCounts } from './report-schema.ts';
import { notYetAvailable } from './unavailable.ts';

/** Safeguarding and patient-safety items: how many, never what they said. */
export function safetyCounts(
  mentions: readonly ReportMention[],
  previous: readonly ReportMention[],
): SafetyCounts {
  const count = (list: readonly ReportMention[], flag: keyof ReportMention['flags']) =>
    list.filter((m) => m.flags[flag]).length;
  return {
    safeguarding: count(mentions, 'safeguarding'),
    patientSafety: count(mentions, 'patientSafety'),
    complaints: count(mentions, 'complaint'),
    previousSafeguarding: count(previous, 'safeguarding'),
    previousPatientSafety: count(previous, 'patientSafety'),
    outcomes: notYetAvailable('outcomes'),
  };
}
