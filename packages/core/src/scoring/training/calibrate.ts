import { evaluate } from '../evaluation/metrics.ts';
import { compileModel } from '../model.ts';
import { createScorer } from '../scorer.ts';
import { type LabelledComment, SENTIMENT_CLASSES } from './fft-data.ts';
import { type TrainInput, trainScorerModel } from './train-model.ts';

/** Offsets tried for the negative class's log-odds; a coarse grid, so dev noise is not fitted. */
export const NEGATIVE_BIAS_GRID = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

export interface Fold {
  name: string;
  train: LabelledComment[];
  dev: LabelledComment[];
}

/**
 * Held-out folds of the training data only. What matters is a population the model has not
 * seen, so each group (trust, or service within one trust's file) is held out in turn; with a
 * single group, every fifth labelled comment is held out instead.
 */
export function heldOutFolds(comments: LabelledComment[]): Fold[] {
  const groups = [
    ...new Set(comments.filter((c) => c.sentiment !== undefined).map((c) => c.group)),
  ].sort();
  if (groups.length >= 2) {
    return groups.map((g) => ({
      name: g,
      train: comments.filter((c) => c.group !== g),
      dev: comments.filter((c) => c.group === g && c.sentiment !== undefined),
    }));
  }
  const train: LabelledComment[] = [];
  const dev: LabelledComment[] = [];
  comments.forEach((c, i) => {
    (i % 5 === 4 && c.sentiment !== undefined ? dev : train).push(c);
  });
  return [{ name: 'every fifth comment', train, dev }];
}

export interface BiasChoice {
  negativeBias: number;
  /** The held-out folds, by name. */
  folds: string[];
  /** Negative-class F1 over all held-out comments (pooled) at each offset of the grid. */
  curve: { bias: number; f1: number }[];
}

/**
 * The decision threshold for "negative", chosen on the training data only: for each held-out
 * fold, train on the rest and score the fold through the whole scorer (model, lexicon, rules);
 * keep the offset with the best pooled negative-class F1 (ties go to the smaller offset).
 */
export function chooseNegativeBias(input: TrainInput): BiasChoice {
  const folds = heldOutFolds(input.comments);
  const actual: string[] = [];
  const predicted: string[][] = NEGATIVE_BIAS_GRID.map(() => []);
  for (const fold of folds) {
    const model = compileModel(
      trainScorerModel({ ...input, comments: fold.train, negativeBias: 0 }),
    );
    for (const c of fold.dev) actual.push(SENTIMENT_CLASSES[c.sentiment!]!);
    NEGATIVE_BIAS_GRID.forEach((bias, i) => {
      model.negativeBias = bias;
      const score = createScorer(model, 'calibration');
      for (const c of fold.dev) predicted[i]!.push(score({ text: c.text }).sentiment.label);
    });
  }
  const curve = NEGATIVE_BIAS_GRID.map((bias, i) => ({
    bias,
    f1: evaluate(SENTIMENT_CLASSES, actual, predicted[i]!).perClass[0]!.f1,
  }));
  let best = curve[0]!;
  for (const point of curve) {
    const closer = Math.abs(point.bias) < Math.abs(best.bias);
    if (point.f1 > best.f1 + 1e-9 || (Math.abs(point.f1 - best.f1) <= 1e-9 && closer)) best = point;
  }
  return { negativeBias: best.bias, folds: folds.map((f) => f.name), curve };
}
