import { evaluate } from '../evaluation/metrics.ts';
import { compileModel } from '../model.ts';
import { createScorer } from '../scorer.ts';
import { type LabelledComment, SENTIMENT_CLASSES } from './fft-data.ts';
import { type TrainInput, trainScorerModel } from './train-model.ts';

/** Offsets tried for the negative class's log-odds; a coarse grid, so dev noise is not fitted. */
export const NEGATIVE_BIAS_GRID = [-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5];

/** Every fifth labelled comment is held out: deterministic, and spread over the whole file. */
export function devSplit(comments: LabelledComment[]): {
  train: LabelledComment[];
  dev: LabelledComment[];
} {
  const train: LabelledComment[] = [];
  const dev: LabelledComment[] = [];
  comments.forEach((c, i) => {
    (i % 5 === 4 && c.sentiment !== undefined ? dev : train).push(c);
  });
  return { train, dev };
}

export interface BiasChoice {
  negativeBias: number;
  /** Negative-class F1 on the held-out fifth at each offset of the grid. */
  curve: { bias: number; f1: number }[];
}

/**
 * The decision threshold for "negative", chosen on the training data only: train on four fifths,
 * score the held-out fifth through the whole scorer (model, lexicon, rules), keep the offset with
 * the best negative-class F1 (ties go to the smaller offset).
 */
export function chooseNegativeBias(input: TrainInput): BiasChoice {
  const { train, dev } = devSplit(input.comments);
  const model = compileModel(trainScorerModel({ ...input, comments: train, negativeBias: 0 }));
  const actual = dev.map((c) => SENTIMENT_CLASSES[c.sentiment!]!);
  const curve = NEGATIVE_BIAS_GRID.map((bias) => {
    model.negativeBias = bias;
    const score = createScorer(model, 'calibration');
    const predicted = dev.map((c) => score({ text: c.text }).sentiment.label);
    return { bias, f1: evaluate(SENTIMENT_CLASSES, actual, predicted).perClass[0]!.f1 };
  });
  let best = curve[0]!;
  for (const point of curve) {
    const closer = Math.abs(point.bias) < Math.abs(best.bias);
    if (point.f1 > best.f1 + 1e-9 || (Math.abs(point.f1 - best.f1) <= 1e-9 && closer)) best = point;
  }
  return { negativeBias: best.bias, curve };
}
