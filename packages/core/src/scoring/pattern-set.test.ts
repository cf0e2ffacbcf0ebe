import { expect, test } from 'vitest';
import { compilePatterns } from './pattern-set.ts';

test('factoring out the word boundary keeps the meaning of each pattern', () => {
  const re = compilePatterns(['\\bno beds?', '\\bon hold|\\brang out']);
  expect('still no beds, rang out'.match(re)).toEqual(['no beds', 'rang out']);
  expect('casino beds'.match(re)).toBeNull();
});

test('patterns without a leading boundary are left as written', () => {
  expect('a🙄b'.match(compilePatterns(['🙄', '\\bx'], 'gu'))).toEqual(['🙄']);
});
