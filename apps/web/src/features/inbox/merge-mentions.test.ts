import { expect, test } from 'vitest';
import { collectTopics, countNewer, highestId, mergeMentions } from './merge-mentions.ts';
import { testMention } from './test-mention.ts';

test('merging shows each mention once, newest first', () => {
  const paged = [testMention(5), testMention(4), testMention(2)];
  const live = [testMention(7), testMention(5), testMention(6)];
  expect(mergeMentions(paged, live).map((m) => m.id)).toEqual([7, 6, 5, 4, 2]);
});

test('a live copy of a mention replaces the paged copy', () => {
  const paged = [testMention(3, { sentimentLabel: 'neutral' })];
  const live = [testMention(3, { sentimentLabel: 'negative' })];
  const merged = mergeMentions(paged, live);
  expect(merged).toHaveLength(1);
  expect(merged[0]?.sentimentLabel).toBe('negative');
});

test('merging ten thousand mentions keeps every id exactly once', () => {
  const paged = Array.from({ length: 10_000 }, (_, i) => testMention(10_000 - i));
  const live = Array.from({ length: 50 }, (_, i) => testMention(9_990 + i));
  const merged = mergeMentions(paged, live);
  expect(merged).toHaveLength(10_039);
  expect(new Set(merged.map((m) => m.id)).size).toBe(merged.length);
  expect(merged[0]?.id).toBe(10_039);
});

test('the highest id is found across lists and is null when there is nothing', () => {
  expect(highestId([testMention(3)], [testMention(9), testMention(1)])).toBe(9);
  expect(highestId([], [])).toBeNull();
});

test('newer mentions are counted against the newest one seen', () => {
  const list = [testMention(10), testMention(9), testMention(8)];
  expect(countNewer(list, 8)).toBe(2);
  expect(countNewer(list, 10)).toBe(0);
  expect(countNewer(list, null)).toBe(0);
});

test('topics are collected once each, alphabetically', () => {
  const list = [
    testMention(2, { topics: ['parking', 'A&E'] }),
    testMention(1, { topics: ['maternity', 'parking'] }),
  ];
  expect(collectTopics(list)).toEqual(['A&E', 'maternity', 'parking']);
});
