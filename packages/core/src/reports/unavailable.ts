import type { Unavailable } from './report-schema.ts';

/**
 * Parts of the report whose data is built elsewhere (triage, detection). Until it exists the
 * report says so in a sentence a manager can read, instead of drawing an empty chart.
 */
const MESSAGES = {
  emergingIssues:
    'Emerging issues are not yet available: detection has not run on this deployment yet. This section fills in once it has.',
  escalatingThreads:
    'Escalating threads are not yet available: Barometer does not score thread escalation yet.',
  responsiveness:
    'Responsiveness is not yet available: response times and outcomes are recorded once officers triage mentions in Barometer.',
  outcomes:
    'Outcomes are not yet available: they are recorded once officers triage mentions in Barometer.',
} as const;

export function notYetAvailable(part: keyof typeof MESSAGES): Unavailable {
  return { available: false, message: MESSAGES[part] };
}
