import { expect, test } from 'vitest';
import { scoreLexicon } from './lexicon.ts';
import { tokenize } from './tokens.ts';

const lex = (s: string) => scoreLexicon(tokenize(s));

test('NHS service words are not scored as praise', () => {
  expect(lex('need more help and care').score).toBe(0);
  expect(lex('could be better').score).toBe(0);
});

test('negation with a straight or curly apostrophe reverses the score', () => {
  expect(lex("staff weren't helpful").score).toBeLessThan(0);
  expect(lex('staff weren’t helpful'.replace('’', "'")).score).toBeLessThan(0);
});

test('emoji and emoticons are scored', () => {
  expect(lex('😡').score).toBeLessThan(0);
  expect(lex(':)').score).toBeGreaterThan(0);
});

test('hits say which words drove the score', () => {
  const r = lex('rude and dismissive');
  expect(r.hits.map((h) => h.word)).toEqual(['rude', 'dismissive']);
  expect(r.negative).toBe(6);
});

test('negation stops at the end of its clause', () => {
  expect(lex('Nothing. Superb team.').score).toBeGreaterThan(0);
  expect(lex('Nothing, superb team').score).toBeGreaterThan(0);
  expect(lex('not excellent').score).toBeLessThan(0);
});

test('"improve" names a request, so a negated one is no complaint', () => {
  expect(lex('nothing to improve').score).toBe(0);
  expect(lex('no improvement needed').score).toBe(0);
});

test('the last contrasting word is found, so the verdict after it can count on its own', () => {
  const r = lex('Kind staff, but the food was awful');
  expect(r.contrastAt).toBe(3);
  expect(r.hits.filter((h) => h.index > r.contrastAt).map((h) => h.word)).toEqual(['awful']);
  expect(lex('Kind staff').contrastAt).toBe(-1);
});
