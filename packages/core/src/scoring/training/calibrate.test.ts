import { expect, test } from 'vitest';
import { chooseNegativeBias, devSplit, NEGATIVE_BIAS_GRID } from './calibrate.ts';
import type { LabelledComment } from './fft-data.ts';

// Made-up comments (not rows of the real data).
const texts = [
  ['Lovely staff, very kind', 2],
  ['Brilliant service thank you', 2],
  ['Rude and slow, awful', 0],
  ['Waited hours with no updates', 0],
  ['It was ok', 1],
] as const;
const comments: LabelledComment[] = Array.from({ length: 60 }, (_, i) => {
  const [text, sentiment] = texts[i % texts.length]!;
  return { text: `${text} ${i}`, sentiment, topics: [], group: 'x', source: 'v6' };
});

test('every fifth labelled comment is held out, the same ones every time', () => {
  const { train, dev } = devSplit(comments);
  expect(dev).toHaveLength(12);
  expect(train).toHaveLength(48);
  expect(dev[0]!.text).toBe('It was ok 4');
  expect(devSplit(comments).dev).toEqual(dev);
});

test('unlabelled comments stay in training and never reach the held-out fifth', () => {
  const withBlank = comments.map((c, i) => (i === 4 ? { ...c, sentiment: undefined } : c));
  const { train, dev } = devSplit(withBlank);
  expect(dev.every((c) => c.sentiment !== undefined)).toBe(true);
  expect(train).toContain(withBlank[4]);
});

test('the chosen offset is the grid point with the best held-out negative F1', () => {
  const choice = chooseNegativeBias({ comments, trainedOn: ['a.csv'], version: 't' });
  expect(NEGATIVE_BIAS_GRID).toContain(choice.negativeBias);
  const best = Math.max(...choice.curve.map((p) => p.f1));
  expect(choice.curve.find((p) => p.bias === choice.negativeBias)!.f1).toBe(best);
  expect(choice.curve).toHaveLength(NEGATIVE_BIAS_GRID.length);
});
