import type { SentimentLabel } from '../mention.ts';
import type { LexiconResult } from './lexicon.ts';
import type { RuleResult } from './rules.ts';

/** A span of the mention's text to highlight for an officer, and why. */
export interface Highlight {
  /** Character offsets into the mention's `text` (title matches are not highlighted). */
  start: number;
  end: number;
  /** What the words are evidence of: a flag name or a sentiment label. */
  label: 'safeguarding' | 'patientSafety' | 'complaint' | SentimentLabel;
}

export interface ExplainInput {
  /** The mention's text as given (offsets index into it). */
  original: string;
  label: SentimentLabel;
  lexicon: LexiconResult;
  rules: RuleResult;
  /** The words of a complaining question, or empty. */
  complainingQuestion: string;
  /** The notice kind ("news", "announcement" ...) when the text reads as one. */
  notice: string | null;
  /** Words behind the safeguarding and patient-safety flags. */
  safeguardingWords: string[];
  patientSafetyWords: string[];
  complaintWords: string[];
}

export interface Explained {
  /** One sentence for an officer: flags first, then the label and its words. */
  summary: string;
  highlights: Highlight[];
}

const MAX_WORDS = 3;
/** A long piece of evidence (a whole question) is quoted by its opening words. */
const MAX_QUOTED_WORDS = 6;
const shorten = (w: string) => {
  const parts = w.split(' ');
  return parts.length > MAX_QUOTED_WORDS ? `${parts.slice(0, MAX_QUOTED_WORDS).join(' ')} ...` : w;
};
const quoted = (words: string[]) =>
  [...new Set(words)]
    .slice(0, MAX_WORDS)
    .map((w) => `'${shorten(w)}'`)
    .join(', ');

/** The words behind the label, most telling first. */
export function labelWords(input: ExplainInput): string[] {
  const { lexicon, rules, label } = input;
  if (label === 'negative') {
    return [
      ...rules.failures,
      ...(input.complainingQuestion ? [input.complainingQuestion] : []),
      ...rules.sarcasmCues,
      ...rules.improvements,
      ...lexicon.hits
        .filter((h) => h.score < 0 || (rules.sarcasm && h.score > 0))
        .map((h) => (h.negated ? `not ${h.word}` : h.word)),
    ];
  }
  if (label === 'positive') {
    return [
      ...rules.gratitude,
      ...rules.nothingToImprove,
      ...lexicon.hits.filter((h) => h.score > 0).map((h) => h.word),
    ];
  }
  return [];
}

function neutralReason(input: ExplainInput): string {
  if (input.notice !== null) return `neutral: reads as ${input.notice.replace('notice.', '')}`;
  if (input.rules.infoQuestion) return 'neutral: asks for information';
  return 'neutral: no clear feeling either way';
}

/** Finds each phrase in the original text (case-insensitive, whole words) and marks it. */
function locate(lower: string, phrases: string[], label: Highlight['label'], out: Highlight[]) {
  for (const phrase of phrases) {
    const p = phrase.toLowerCase().replace(/^not /, '').replace(/^"|"$/g, '').trim();
    if (p.length < 2) continue;
    let from = 0;
    while (from < lower.length) {
      const at = lower.indexOf(p, from);
      if (at < 0) break;
      const end = at + p.length;
      const before = at === 0 ? ' ' : lower[at - 1]!;
      const after = end >= lower.length ? ' ' : lower[end]!;
      if (!/\w/.test(before) && !/\w/.test(after)) {
        if (!out.some((h) => at < h.end && end > h.start)) out.push({ start: at, end, label });
        break;
      }
      from = at + 1;
    }
  }
}

export function explain(input: ExplainInput): Explained {
  const parts: string[] = [];
  if (input.safeguardingWords.length > 0) {
    parts.push(`safeguarding: ${quoted(input.safeguardingWords)}`);
  }
  if (input.patientSafetyWords.length > 0) {
    parts.push(`patient safety: ${quoted(input.patientSafetyWords)}`);
  }
  const words = labelWords(input);
  parts.push(
    input.label === 'neutral'
      ? neutralReason(input)
      : words.length > 0
        ? `${input.label}: ${quoted(words)}`
        : `${input.label}: the wording as a whole`,
  );
  const highlights: Highlight[] = [];
  const lower = input.original.toLowerCase();
  locate(lower, input.safeguardingWords, 'safeguarding', highlights);
  locate(lower, input.patientSafetyWords, 'patientSafety', highlights);
  locate(lower, input.complaintWords, 'complaint', highlights);
  if (input.label !== 'neutral') locate(lower, words, input.label, highlights);
  if (highlights.length > 1) highlights.sort((a, b) => a.start - b.start);
  return { summary: parts.join('; '), highlights };
}
