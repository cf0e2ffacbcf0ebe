import { expect, test } from 'vitest';
import { featureKeysOf, parseFeatureKey } from './feature-keys.ts';
import { featuresOf, tokenize } from './tokens.ts';

test('numeric keys are exactly the string features, known words only', () => {
  const texts = [
    "Staff weren't helpful at all. Lovely nurses though!",
    'no beds? again?! not happy',
    'Waited 14 hours 😡 never again',
    'No one called. Nothing, lovely staff! zebra no',
  ];
  for (const text of texts) {
    const tokens = tokenize(text);
    const features = featuresOf(tokens);
    const vocab = new Map<string, number>();
    const expected = features.map((f) => parseFeatureKey(f, vocab));
    const got = featureKeysOf(tokens, vocab);
    expect(got.keys).toEqual(expected);
    expect(got.count).toBe(features.length);
  }
});

test('features with unknown words are counted but not looked up', () => {
  const vocab = new Map<string, number>();
  parseFeatureKey('lovely', vocab);
  const got = featureKeysOf(tokenize('lovely zebra'), vocab);
  expect(got.keys).toEqual([parseFeatureKey('lovely', vocab)]);
  // "^ lovely", "lovely", "zebra", "lovely zebra"
  expect(got.count).toBe(4);
});
