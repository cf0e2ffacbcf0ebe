import { expect, test } from 'vitest';
import { chooseNegativeBias, heldOutFolds, NEGATIVE_BIAS_GRID } from './calibrate.ts';
import type { LabelledComment } from './fft-data.ts';

// Made-up comments (not rows of the real data).
const texts = [
  ['Lovely staff, very kind', 2],
  ['Brilliant service thank you', 2],
  ['Rude and slow, awful', 0],
  ['Waited hours with no updates', 0],
  ['It was ok', 1],
] as const;
const make = (group: (i: number) => string): LabelledComment[] =>
  Array.from({ length: 60 }, (_, i) => {
    const [text, sentiment] = texts[i % texts.length]!;
    return { text: `${text} ${i}`, sentiment, topics: [], group: group(i), source: 'v6' };
  });

test('each group is held out in turn, trained on the others', () => {
  const folds = heldOutFolds(make((i) => (i < 20 ? 'Trust B' : 'Trust A')));
  expect(folds.map((f) => f.name)).toEqual(['Trust A', 'Trust B']);
  expect(folds[1]!.dev).toHaveLength(20);
  expect(folds[1]!.train.every((c) => c.group === 'Trust A')).toBe(true);
});

test('with one group, every fifth labelled comment is held out, the same ones every time', () => {
  const comments = make(() => 'one');
  const [fold] = heldOutFolds(comments);
  expect(fold!.dev).toHaveLength(12);
  expect(fold!.train).toHaveLength(48);
  expect(fold!.dev[0]!.text).toBe('It was ok 4');
  expect(heldOutFolds(comments)).toEqual([fold]);
});

test('unlabelled comments stay in training and are never held out', () => {
  const comments = make(() => 'one').map((c, i) => (i === 4 ? { ...c, sentiment: undefined } : c));
  const [fold] = heldOutFolds(comments);
  expect(fold!.dev.every((c) => c.sentiment !== undefined)).toBe(true);
  expect(fold!.train).toContain(comments[4]);
});

test('the chosen offset is the grid point with the best held-out negative F1', () => {
  const choice = chooseNegativeBias({
    comments: make((i) => `g${i % 2}`),
    trainedOn: ['a.csv'],
    version: 't',
  });
  expect(choice.folds).toEqual(['g0', 'g1']);
  expect(NEGATIVE_BIAS_GRID).toContain(choice.negativeBias);
  const best = Math.max(...choice.curve.map((p) => p.f1));
  expect(choice.curve.find((p) => p.bias === choice.negativeBias)!.f1).toBe(best);
  expect(choice.curve).toHaveLength(NEGATIVE_BIAS_GRID.length);
});
