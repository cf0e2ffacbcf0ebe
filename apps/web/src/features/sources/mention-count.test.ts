import { expect, test } from 'vitest';
import { mentionCount } from './mention-count.ts';

test('a count of mentions reads as words, with thousands separated', () => {
  expect(mentionCount(0)).toBe('no mentions');
  expect(mentionCount(1)).toBe('1 mention');
  expect(mentionCount(1204)).toBe('1,204 mentions');
});
