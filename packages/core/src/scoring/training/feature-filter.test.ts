import { expect, test } from 'vitest';
import {
  featuresConsistentAcrossGroups,
  isTopicOnly,
  sentimentFeatureFilter,
} from './feature-filter.ts';

const rows = (group: string, label: number, n: number, features: string[]) =>
  Array.from({ length: n }, () => ({ group, label, features }));

test('a word that leans negative at one trust and positive at another carries no sentiment', () => {
  const examples = [
    ...rows('A', 0, 5, ['parking', 'rude']),
    ...rows('A', 2, 5, ['kind']),
    ...rows('B', 2, 5, ['parking', 'kind']),
    ...rows('B', 0, 5, ['rude']),
  ];
  const kept = featuresConsistentAcrossGroups(examples);
  expect(kept.has('rude')).toBe(true);
  expect(kept.has('kind')).toBe(true);
  expect(kept.has('parking')).toBe(false);
});

test('topic and place words never carry sentiment; evidence features always may', () => {
  expect(isTopicOnly('dental')).toBe(true);
  expect(isTopicOnly('^ physio')).toBe(true);
  expect(isTopicOnly('rude')).toBe(false);
  expect(isTopicOnly('physio rude')).toBe(false);
  const keep = sentimentFeatureFilter(rows('A', 0, 3, ['dental', '_failure_', 'rude']));
  expect(keep('dental')).toBe(false);
  expect(keep('_failure_')).toBe(true);
  expect(keep('rude')).toBe(true);
});
