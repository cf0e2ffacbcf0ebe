import { normaliseText } from './normalise.ts';
import { featuresOf, tokenize } from './tokens.ts';

/** The model's features for a raw text, exactly as the scorer computes them at run time. */
export function textFeatures(raw: string): string[] {
  return featuresOf(tokenize(normaliseText(raw).text));
}
