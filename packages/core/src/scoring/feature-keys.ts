import { CLAUSE_START, NEGATORS, TokenKind, type Tokens } from './tokens.ts';

// The model's features as numbers, for the hot path: the same features as featuresOf (tokens.ts)
// but each is a number built from token ids, so looking one up needs no new string and no string
// hashing. A unigram is id (+2^20 when negated); a bigram is (left + 1) * 2^21 + right.

const NEG = 2 ** 20;
const UNI = 2 ** 21;
const UNKNOWN = -1;

/** Parses a feature as written in the model file ("word", "not_word", "a not_b") to its key. */
export function parseFeatureKey(feature: string, vocab: Map<string, number>): number {
  const parts = feature.split(' ');
  const unigram = (p: string): number => {
    const neg = p.startsWith('not_');
    const word = neg ? p.slice(4) : p;
    let id = vocab.get(word);
    if (id === undefined) {
      id = vocab.size;
      if (id >= NEG) throw new Error('model vocabulary too large for feature keys');
      vocab.set(word, id);
    }
    return id + (neg ? NEG : 0);
  };
  if (parts.length === 1) return unigram(parts[0]!);
  return (unigram(parts[0]!) + 1) * UNI + unigram(parts[1]!);
}

export interface FeatureKeys {
  /** Keys of the features whose words the model knows (a feature may repeat). */
  keys: number[];
  /** How many features the text has in all, known or not (the model's scale uses it). */
  count: number;
}

/** Mirrors featuresOf: same features, same negation scope, same count. */
export function featureKeysOf(tokens: Tokens, vocab: Map<string, number>): FeatureKeys {
  const keys: number[] = [];
  let count = 0;
  let negLeft = 0;
  const start = vocab.get(CLAUSE_START) ?? UNKNOWN;
  let prev = start;
  let atStart = true;
  const { values, kinds } = tokens;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (kinds[i] === TokenKind.Punct) {
      negLeft = 0;
      if (v === '?' || v === '!') {
        const id = vocab.get(v);
        count++;
        if (id !== undefined) keys.push(id);
        prev = id ?? UNKNOWN;
        atStart = false;
      } else {
        prev = start;
        atStart = true;
      }
      continue;
    }
    const id = vocab.get(v);
    const u = id === undefined ? UNKNOWN : id + (negLeft > 0 ? NEG : 0);
    count++;
    if (u >= 0) keys.push(u);
    if (!(atStart && NEGATORS.has(v))) {
      count++;
      if (prev >= 0 && u >= 0) keys.push((prev + 1) * UNI + u);
    }
    prev = u;
    atStart = false;
    if (NEGATORS.has(v)) negLeft = 3;
    else if (negLeft > 0) negLeft--;
  }
  return { keys, count };
}
