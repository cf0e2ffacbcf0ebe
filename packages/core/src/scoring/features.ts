import { type FeatureKeys, featureKeysOf } from './feature-keys.ts';
import { type LexiconResult, scoreLexicon } from './lexicon.ts';
import { normaliseText } from './normalise.ts';
import { applyRules, PRAISE_WORDS, type RuleResult } from './rules.ts';
import { featuresOf, tokenize } from './tokens.ts';

/**
 * Evidence from the lexicon and the rules, as model features: the model learns from labelled
 * data how much "a negative AFINN word" or "a service-failure phrase" is worth, which carries to
 * words and phrasings its training data never had.
 */
export function evidenceFeatures(lexicon: LexiconResult, rules: RuleResult): string[] {
  const out: string[] = [];
  for (const h of lexicon.hits) {
    out.push(h.score > 0 ? '_lexpos_' : '_lexneg_');
    if (lexicon.contrastAt >= 0 && h.index > lexicon.contrastAt) {
      out.push(h.score > 0 ? '_contrastpos_' : '_contrastneg_');
    }
  }
  for (let i = 0; i < rules.failures.length; i++) out.push('_failure_');
  for (let i = 0; i < rules.improvements.length; i++) out.push('_improve_');
  for (let i = 0; i < rules.nothingToImprove.length; i++) out.push('_nothing_');
  return out;
}

export function hasPraise(lexicon: LexiconResult): boolean {
  for (const h of lexicon.hits) if (h.score > 0 && PRAISE_WORDS.has(h.word)) return true;
  return false;
}

/** The model's features for a raw text, exactly as the scorer computes them at run time. */
export function textFeatures(raw: string): string[] {
  const { text } = normaliseText(raw);
  const tokens = tokenize(text);
  const lexicon = scoreLexicon(tokens);
  return [
    ...featuresOf(tokens),
    ...evidenceFeatures(lexicon, applyRules(text, hasPraise(lexicon))),
  ];
}

/** Adds evidence features to numeric keys (the hot path's version of textFeatures). */
export function addEvidenceKeys(
  keys: FeatureKeys,
  evidence: string[],
  vocab: Map<string, number>,
): FeatureKeys {
  for (const e of evidence) {
    const id = vocab.get(e);
    if (id !== undefined) keys.keys.push(id);
  }
  keys.count += evidence.length;
  return keys;
}

/** The same features as numeric keys for a compiled model's vocabulary. */
export function textFeatureKeys(raw: string, vocab: Map<string, number>): FeatureKeys {
  const { text } = normaliseText(raw);
  const tokens = tokenize(text);
  const lexicon = scoreLexicon(tokens);
  const rules = applyRules(text, hasPraise(lexicon));
  return addEvidenceKeys(featureKeysOf(tokens, vocab), evidenceFeatures(lexicon, rules), vocab);
}
