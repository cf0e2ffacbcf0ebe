import { textFeatures } from '../features.ts';
import type { ScorerModelJson } from '../model.ts';
import { sentimentFeatureFilter } from './feature-filter.ts';
import type { LabelledComment } from './fft-data.ts';
import { type Example, type TrainOptions, trainSoftmax } from './softmax-regression.ts';

/** A topic needs at least this many labelled examples to be learned at all. */
const MIN_TOPIC_POSITIVES = 15;
/**
 * Topic weights smaller than this are dropped: a topic should be named by words that are about
 * it, not by the small push of every common word (that also keeps the hot path short).
 */
const MIN_TOPIC_WEIGHT = 0.25;
/** Each topic keeps only its most telling features. */
const TOPIC_FEATURES = 300;

/** Words too common to say what a comment is about. */
const STOPWORDS = new Set(
  'a an and are as at be been but by can could did do for from had has have he her his i if in is it its me my no not of on or our she so that the their them they this to us was we were what when which who will with would you your'.split(
    ' ',
  ),
);

function aboutSomething(feature: string): boolean {
  return feature.split(' ').some((w) => !STOPWORDS.has(w.replace(/^not_/, '')) && /\p{L}/u.test(w));
}

export interface TrainInput {
  comments: LabelledComment[];
  /** Names of the files (not paths) the comments came from, recorded in the artefact. */
  trainedOn: string[];
  version: string;
  /** Overrides of the sentiment model's training settings (for experiments). */
  sentimentOptions?: Partial<TrainOptions>;
  /** The decision threshold (see ScorerModelJson.negativeBias). */
  negativeBias?: number;
  /**
   * Learn sentiment only from words whose lean agrees across groups, and never from topic or
   * place words (feature-filter.ts). Off only to measure what it changes.
   */
  crossGroupFilter?: boolean;
}

/** Trains the sentiment and topic models. Pure and deterministic: same input, same output. */
export function trainScorerModel(input: TrainInput): ScorerModelJson {
  const featured = input.comments.map((c) => ({ c, features: textFeatures(c.text) }));

  const labelled = featured.filter(({ c }) => c.sentiment !== undefined);
  const sentimentExamples: Example[] = labelled.map(({ c, features }) => ({
    features,
    label: c.sentiment!,
  }));
  const keep =
    input.crossGroupFilter !== false
      ? sentimentFeatureFilter(
          labelled.map(({ c, features }) => ({ features, label: c.sentiment!, group: c.group })),
        )
      : undefined;
  const sentiment = trainSoftmax(sentimentExamples, {
    keep,
    classes: 3,
    epochs: 10,
    minCount: 2,
    // Unweighted classes: chosen on a held-out fifth of each file (balancing hurt negative F1).
    balance: 0,
    ...input.sentimentOptions,
  });

  const counts = new Map<string, number>();
  for (const { c } of featured) for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
  const categories = [...counts.entries()]
    .filter(([, n]) => n >= MIN_TOPIC_POSITIVES)
    .map(([t]) => t)
    .sort();
  // Rows from a file with category labels only: every v6 row, and phase-1 rows whose older
  // category has a v6 counterpart (others would be unreliable negatives).
  const topicRows = featured.filter(({ c }) => c.topics.length > 0 || c.source === 'v6');
  const bias: number[] = [];
  const weights: Record<string, number[]> = {};
  categories.forEach((topic, ci) => {
    const model = trainSoftmax(
      topicRows.map(({ c, features }) => ({ features, label: c.topics.includes(topic) ? 1 : 0 })),
      { classes: 2, epochs: 6, minCount: 3, balance: 0.5, seed: 7 + ci },
    );
    bias.push(Math.round((model.bias[1]! - model.bias[0]!) * 1e4) / 1e4);
    const strongest = Object.entries(model.weights)
      .map(([f, w]) => [f, Math.round((w[1]! - w[0]!) * 1e4) / 1e4] as const)
      .filter(([f, d]) => Math.abs(d) >= MIN_TOPIC_WEIGHT && aboutSomething(f))
      .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || (x[0] < y[0] ? -1 : 1))
      .slice(0, TOPIC_FEATURES);
    for (const [f, d] of strongest) {
      const pairs = weights[f] ?? [];
      pairs.push(ci, d);
      weights[f] = pairs;
    }
  });
  const sortedWeights: Record<string, number[]> = {};
  for (const f of Object.keys(weights).sort()) sortedWeights[f] = weights[f]!;
  return {
    version: input.version,
    trainedOn: input.trainedOn,
    sentiment,
    negativeBias: input.negativeBias ?? 0,
    topics: { categories, bias, weights: sortedWeights },
  };
}

/** Serialises the artefact the same way every time (keys in a fixed order, one line). */
export function serialiseModel(model: ScorerModelJson): string {
  return `${JSON.stringify(model)}\n`;
}
