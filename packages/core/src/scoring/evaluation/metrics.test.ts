import { expect, test } from 'vitest';
import { evaluate, formatEvaluation } from './metrics.ts';

test('per-class precision, recall and F1 come from the confusion matrix', () => {
  const e = evaluate(['neg', 'pos'], ['neg', 'neg', 'pos', 'pos'], ['neg', 'pos', 'pos', 'pos']);
  expect(e.matrix).toEqual([
    [1, 1],
    [0, 2],
  ]);
  expect(e.perClass[0]).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
  expect(e.perClass[1]?.precision).toBeCloseTo(2 / 3);
  expect(e.accuracy).toBe(0.75);
  expect(formatEvaluation(e)).toContain('confusion');
});

test('an unknown label is an error, not a silent miss', () => {
  expect(() => evaluate(['a'], ['a'], ['b'])).toThrow(/unknown label/);
});
