import type { MentionDto, StoredMention } from './contracts/api.ts';
import { type RedactionOptions, redactPii } from './scoring/redaction/pii.ts';

/**
 * One mention as one reader may see it. Roles that answer the person read the text as written;
 * everyone else reads the stored redacted copy, with the title and the flag evidence (which can
 * quote an NHS number) redacted the same way and the HTML dropped, since it repeats the text.
 */
export function viewMention(
  stored: StoredMention,
  options: { raw: boolean; redaction?: RedactionOptions },
): MentionDto {
  const { redactedText, ...mention } = stored;
  if (options.raw) return { ...mention, textView: 'raw' };
  const flagEvidence: Record<string, string[]> = {};
  for (const [flag, evidence] of Object.entries(mention.flagEvidence)) {
    flagEvidence[flag] = evidence.map((e) => redactPii(e, options.redaction).redacted);
  }
  return {
    ...mention,
    text: redactedText,
    title: mention.title === null ? null : redactPii(mention.title, options.redaction).redacted,
    html: null,
    explanation: mention.explanation.map((e) => redactPii(e, options.redaction).redacted),
    scoreSummary: redactPii(mention.scoreSummary, options.redaction).redacted,
    // Offsets point into the text as written, which this reader does not get.
    highlights: [],
    flagEvidence,
    textView: 'redacted',
  };
}
