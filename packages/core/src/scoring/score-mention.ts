import modelJson from './model/model.json' with { type: 'json' };
import { compileModel } from './model.ts';
import {
  createScorer,
  type MentionScore,
  type ScoreInput,
  type ScoreOptions,
  type Scorer,
} from './scorer.ts';
import { SCORER_MODEL_VERSION } from './version.ts';

export type { Highlight } from './explain.ts';
export { isValidNhsNumber } from './redaction/nhs-number.ts';
export {
  compileIdentifierMask,
  type RedactionOptions,
  redactPii,
} from './redaction/pii.ts';
export type { MentionScore, ScoreInput, ScoreOptions } from './scorer.ts';

/**
 * Changes whenever the scorer's output for the same text can change (model, rules, lexicon),
 * so stored mentions know they need rescoring.
 */
export const SCORER_VERSION = `barometer-3.1+${SCORER_MODEL_VERSION}`;

// Compiled on first use, not at import: importing @barometer/core for its contracts (the web
// app does) costs nothing and lets bundlers drop the model.
let scorer: Scorer | undefined;

function defaultScorer(): Scorer {
  if (!scorer) {
    const model = compileModel(modelJson);
    if (model.version !== SCORER_MODEL_VERSION) {
      throw new Error(
        `scoring model is ${model.version} but the code expects ${SCORER_MODEL_VERSION}: run npm run train`,
      );
    }
    scorer = createScorer(model, SCORER_VERSION);
  }
  return scorer;
}

/** Sentiment, risk flags, topics and a PII-redacted copy for one mention. Pure and fast. */
export function scoreMention(input: ScoreInput, options?: ScoreOptions): MentionScore {
  return defaultScorer()(input, options);
}
