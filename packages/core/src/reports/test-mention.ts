import type { ReportMention } from './report-input.ts';

let nextId = 1;

/** A report mention with plain defaults (a neutral mention on Tuesday of 2026-W48). */
export function reportMention(over: Partial<ReportMention> = {}): ReportMention {
  const id = over.id ?? nextId++;
  return {
    id,
    sourceId: 1,
    at: '2026-11-24T10:00:00Z',
    label: 'neutral',
    score: 0,
    topics: [],
    flags: { safeguarding: false, patientSafety: false, complaint: false },
    authorKey: null,
    threadKey: `1:${id}`,
    isThreadRoot: true,
    ...over,
  };
}
