import { type FeatureKeys, featureKeysOf } from './feature-keys.ts';
import { normaliseText } from './normalise.ts';
import { featuresOf, tokenize } from './tokens.ts';

/** The model's features for a raw text, exactly as the scorer computes them at run time. */
export function textFeatures(raw: string): string[] {
  return featuresOf(tokenize(normaliseText(raw).text));
}

/** The same features as numeric keys for a compiled model's vocabulary (the hot path). */
export function textFeatureKeys(raw: string, vocab: Map<string, number>): FeatureKeys {
  return featureKeysOf(tokenize(normaliseText(raw).text), vocab);
}
