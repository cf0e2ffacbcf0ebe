import winkSentiment from 'wink-sentiment';
import type { RiskFlags } from '../contracts/api.ts';
import type { SentimentLabel } from '../mention.ts';

// First version (walking skeleton): plain wink-sentiment. The scorer issue replaces this module
// with the calibrated model, flags, redaction and topics behind the same signature.
export const SCORER_VERSION = 'wink-0';

export interface MentionScore {
  version: string;
  sentiment: { score: number; label: SentimentLabel; confidence: number };
  explanation: string[];
  flags: RiskFlags;
  flagEvidence: Record<string, string[]>;
  topics: string[];
  redacted: string;
}

export interface ScoreInput {
  title?: string | null;
  text: string;
}

const MAX_SCORED_CHARS = 1000;

export function scoreMention(input: ScoreInput): MentionScore {
  const text = [input.title, input.text].filter(Boolean).join('. ').slice(0, MAX_SCORED_CHARS);
  const result = winkSentiment(text);
  const score = Math.max(-1, Math.min(1, result.normalizedScore / 5));
  const label: SentimentLabel = score <= -0.1 ? 'negative' : score >= 0.1 ? 'positive' : 'neutral';
  const explanation = result.tokenizedPhrase
    .filter((t) => typeof t.score === 'number' && t.score !== 0)
    .map((t) => `${t.value} (${t.score})`);
  return {
    version: SCORER_VERSION,
    sentiment: { score, label, confidence: Math.min(1, Math.abs(score) + 0.3) },
    explanation,
    flags: {
      safeguarding: false,
      complaint: false,
      patientSafety: false,
      urgent: false,
      pii: false,
    },
    flagEvidence: {},
    topics: [],
    redacted: text,
  };
}
