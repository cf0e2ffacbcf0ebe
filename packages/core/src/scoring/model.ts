import { z } from 'zod';
import { type FeatureKeys, parseFeatureKey } from './feature-keys.ts';

// The trained artefact (packages/core/src/scoring/model/model.json, written by `npm run train`)
// and the code that applies it. Loading compiles the JSON into flat typed arrays once.

export const LinearModelJson = z.object({
  classes: z.number().int().min(2),
  weights: z.record(z.string(), z.array(z.number())),
  bias: z.array(z.number()),
});

export const TopicModelJson = z.object({
  categories: z.array(z.string()),
  bias: z.array(z.number()),
  /** Feature -> flat pairs [categoryIndex, weight, categoryIndex, weight, ...]. */
  weights: z.record(z.string(), z.array(z.number())),
});

export const ScorerModelJson = z.object({
  version: z.string(),
  trainedOn: z.array(z.string()),
  sentiment: LinearModelJson,
  /**
   * Added to the negative class's log-odds after the model, lexicon and rules are combined:
   * the decision threshold, chosen by training on a held-out split of the training data.
   */
  negativeBias: z.number().default(0),
  topics: TopicModelJson,
});
export type ScorerModelJson = z.infer<typeof ScorerModelJson>;

/** Everything the model knows about one feature, found with a single map lookup. */
interface FeatureEntry {
  name: string;
  /** Offset of the feature's sentiment weights, or -1. */
  sentiment: number;
  /** Topic pairs [categoryIndex, weight, ...], or null. */
  topics: Float64Array | null;
  /** The call that last used this entry, so a repeated feature counts once. */
  stamp: number;
}

export interface CompiledModel {
  version: string;
  classes: number;
  /** Word -> id, for building feature keys (see feature-keys.ts). */
  vocab: Map<string, number>;
  index: Map<number, FeatureEntry>;
  weights: Float64Array;
  bias: Float64Array;
  categories: string[];
  topicBias: Float64Array;
  negativeBias: number;
}

export function compileModel(json: unknown): CompiledModel {
  const m = ScorerModelJson.parse(json);
  const K = m.sentiment.classes;
  const features = Object.keys(m.sentiment.weights);
  const weights = new Float64Array(features.length * K);
  const vocab = new Map<string, number>();
  const index = new Map<number, FeatureEntry>();
  features.forEach((f, i) => {
    index.set(parseFeatureKey(f, vocab), { name: f, sentiment: i * K, topics: null, stamp: 0 });
    const row = m.sentiment.weights[f]!;
    for (let k = 0; k < K; k++) weights[i * K + k] = row[k] ?? 0;
  });
  for (const [f, pairs] of Object.entries(m.topics.weights)) {
    const key = parseFeatureKey(f, vocab);
    const entry = index.get(key);
    if (entry) entry.topics = Float64Array.from(pairs);
    else index.set(key, { name: f, sentiment: -1, topics: Float64Array.from(pairs), stamp: 0 });
  }
  return {
    version: m.version,
    classes: K,
    vocab,
    index,
    weights,
    bias: Float64Array.from(m.sentiment.bias),
    categories: m.topics.categories,
    topicBias: Float64Array.from(m.topics.bias),
    negativeBias: m.negativeBias,
  };
}

export interface Prediction {
  /** Class probabilities: negative, neutral, positive. */
  probs: [number, number, number];
  /** Features that pushed hardest towards the predicted class, strongest first. */
  drivers: { feature: string; weight: number }[];
  /** Topics whose logit is above zero, with the feature that contributed most to each. */
  topics: { topic: string; driver: string }[];
}

let stampCounter = 0;

/**
 * Applies the model the way it was trained: binary presence features, scaled by
 * 1/sqrt(number of features in the text). One map lookup per feature serves both heads.
 */
export function predict(model: CompiledModel, features: FeatureKeys): Prediction {
  const stamp = ++stampCounter;
  const K = model.classes;
  const x = features.count > 0 ? 1 / Math.sqrt(features.count) : 0;
  let z0 = model.bias[0]!;
  let z1 = model.bias[1]!;
  let z2 = model.bias[2]!;
  const W = model.weights;
  const C = model.categories.length;
  let tz: Float64Array | null = null;
  let best: string[] | null = null;
  let bestW: Float64Array | null = null;
  const known: string[] = [];
  const offsets: number[] = [];
  for (const f of features.keys) {
    const e = model.index.get(f);
    if (e === undefined || e.stamp === stamp) continue;
    e.stamp = stamp;
    if (e.sentiment >= 0) {
      const o = e.sentiment;
      z0 += W[o]! * x;
      z1 += W[o + 1]! * x;
      z2 += W[o + 2]! * x;
      known.push(e.name);
      offsets.push(o);
    }
    const pairs = e.topics;
    if (pairs !== null) {
      if (tz === null) {
        tz = Float64Array.from(model.topicBias);
        best = new Array<string>(C).fill('');
        bestW = new Float64Array(C);
      }
      for (let p = 0; p < pairs.length; p += 2) {
        const c = pairs[p]!;
        const w = pairs[p + 1]!;
        tz[c]! += w * x;
        if (w > bestW![c]!) {
          bestW![c] = w;
          best![c] = e.name;
        }
      }
    }
  }
  const max = Math.max(z0, z1, z2);
  const e0 = Math.exp(z0 - max);
  const e1 = Math.exp(z1 - max);
  const e2 = Math.exp(z2 - max);
  const sum = e0 + e1 + e2;
  const probs: [number, number, number] = [e0 / sum, e1 / sum, e2 / sum];
  const top = probs[0] >= probs[1] && probs[0] >= probs[2] ? 0 : probs[2] >= probs[1] ? 2 : 1;

  // The four strongest drivers towards the predicted class, by insertion (no sorting).
  const drivers: { feature: string; weight: number }[] = [];
  for (let i = 0; i < known.length; i++) {
    const o = offsets[i]!;
    const w = W[o + top]! - (W[o]! + W[o + 1]! + W[o + 2]! - W[o + top]!) / (K - 1);
    if (w <= 0) continue;
    if (drivers.length === 4 && w <= drivers[3]!.weight) continue;
    let j = Math.min(drivers.length, 3);
    while (j > 0 && drivers[j - 1]!.weight < w) j--;
    drivers.splice(j, 0, { feature: known[i]!, weight: w });
    if (drivers.length > 4) drivers.pop();
  }

  const topics: Prediction['topics'] = [];
  if (tz !== null) {
    for (let c = 0; c < C; c++) {
      if (tz[c]! > 0 && best![c] !== '')
        topics.push({ topic: model.categories[c]!, driver: best![c]! });
    }
  }
  return { probs, drivers, topics };
}
