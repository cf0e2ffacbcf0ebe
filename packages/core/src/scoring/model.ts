import { z } from 'zod';

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
  topics: TopicModelJson,
});
export type ScorerModelJson = z.infer<typeof ScorerModelJson>;

export interface SentimentModel {
  classes: number;
  index: Map<string, number>;
  weights: Float64Array;
  bias: Float64Array;
}

export interface TopicModel {
  categories: string[];
  bias: Float64Array;
  index: Map<string, Float64Array>;
}

export interface CompiledModel {
  version: string;
  sentiment: SentimentModel;
  topics: TopicModel;
}

export function compileModel(json: unknown): CompiledModel {
  const m = ScorerModelJson.parse(json);
  const K = m.sentiment.classes;
  const features = Object.keys(m.sentiment.weights);
  const weights = new Float64Array(features.length * K);
  const index = new Map<string, number>();
  features.forEach((f, i) => {
    index.set(f, i);
    const row = m.sentiment.weights[f]!;
    for (let k = 0; k < K; k++) weights[i * K + k] = row[k] ?? 0;
  });
  const topicIndex = new Map<string, Float64Array>();
  for (const [f, pairs] of Object.entries(m.topics.weights)) {
    topicIndex.set(f, Float64Array.from(pairs));
  }
  return {
    version: m.version,
    sentiment: { classes: K, index, weights, bias: Float64Array.from(m.sentiment.bias) },
    topics: {
      categories: m.topics.categories,
      bias: Float64Array.from(m.topics.bias),
      index: topicIndex,
    },
  };
}

export interface SentimentPrediction {
  /** Class probabilities: negative, neutral, positive. */
  probs: [number, number, number];
  /** Features that pushed hardest towards the predicted class, strongest first. */
  drivers: { feature: string; weight: number }[];
}

function uniqueKnown(features: string[], index: Map<string, unknown>): string[] {
  const seen = new Set<string>();
  for (const f of features) if (index.has(f)) seen.add(f);
  return [...seen];
}

/** Applies the model the way it was trained: binary features scaled by 1/sqrt(count). */
export function predictSentiment(
  model: SentimentModel,
  features: string[],
  allFeatureCount: number,
): SentimentPrediction {
  const known = uniqueKnown(features, model.index);
  const K = model.classes;
  const x = allFeatureCount > 0 ? 1 / Math.sqrt(allFeatureCount) : 0;
  const z = [model.bias[0]!, model.bias[1]!, model.bias[2]!];
  for (const f of known) {
    const i = model.index.get(f)! * K;
    for (let k = 0; k < K; k++) z[k]! += model.weights[i + k]! * x;
  }
  const max = Math.max(z[0]!, z[1]!, z[2]!);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e[0]! + e[1]! + e[2]!;
  const probs: [number, number, number] = [e[0]! / sum, e[1]! / sum, e[2]! / sum];
  const top = probs[0] >= probs[1] && probs[0] >= probs[2] ? 0 : probs[2] >= probs[1] ? 2 : 1;
  const drivers = known
    .map((feature) => {
      const i = model.index.get(feature)! * K;
      let other = 0;
      for (let k = 0; k < K; k++) if (k !== top) other += model.weights[i + k]!;
      return { feature, weight: model.weights[i + top]! - other / (K - 1) };
    })
    .filter((d) => d.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 4);
  return { probs, drivers };
}

/** Categories whose logit is above zero, with the feature that contributed most to each. */
export function predictTopics(
  model: TopicModel,
  features: string[],
  allFeatureCount: number,
): { topic: string; driver: string }[] {
  const known = uniqueKnown(features, model.index);
  if (known.length === 0) return [];
  const x = allFeatureCount > 0 ? 1 / Math.sqrt(allFeatureCount) : 0;
  const z = Float64Array.from(model.bias);
  const best = new Array<string>(z.length).fill('');
  const bestW = new Float64Array(z.length);
  for (const f of known) {
    const pairs = model.index.get(f)!;
    for (let p = 0; p < pairs.length; p += 2) {
      const c = pairs[p]!;
      const w = pairs[p + 1]!;
      z[c]! += w * x;
      if (w > bestW[c]!) {
        bestW[c] = w;
        best[c] = f;
      }
    }
  }
  const out: { topic: string; driver: string }[] = [];
  for (let c = 0; c < z.length; c++) {
    if (z[c]! > 0 && best[c] !== '') out.push({ topic: model.categories[c]!, driver: best[c]! });
  }
  return out;
}
