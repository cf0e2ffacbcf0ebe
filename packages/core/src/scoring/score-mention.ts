import modelJson from './model/model.json' with { type: 'json' };
import { compileModel } from './model.ts';
import { createScorer, type MentionScore, type ScoreInput, type ScoreOptions } from './scorer.ts';

export { isValidNhsNumber } from './redaction/nhs-number.ts';
export { redactPii } from './redaction/pii.ts';
export type { MentionScore, ScoreInput, ScoreOptions } from './scorer.ts';

const model = compileModel(modelJson);

/**
 * Changes whenever the scorer's output for the same text can change (model, rules, lexicon),
 * so stored mentions know they need rescoring.
 */
export const SCORER_VERSION = `barometer-2+${model.version}`;

const scorer = createScorer(model, SCORER_VERSION);

/** Sentiment, risk flags, topics and a PII-redacted copy for one mention. Pure and fast. */
export function scoreMention(input: ScoreInput, options?: ScoreOptions): MentionScore {
  return scorer(input, options);
}
