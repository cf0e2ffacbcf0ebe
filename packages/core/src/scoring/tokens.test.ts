import { expect, test } from 'vitest';
import { featuresOf, TokenKind, tokenize } from './tokens.ts';

test('words are lower-cased and lose inner apostrophes', () => {
  expect(tokenize("Don't wait at A&E").values).toEqual(['dont', 'wait', 'at', 'a&e']);
});

test('emoji, emoticons and punctuation are tokens of their own kind', () => {
  const t = tokenize('ok :( 😡!!');
  expect(t.values).toEqual(['ok', ':(', '😡', '!']);
  expect(t.kinds).toEqual([TokenKind.Word, TokenKind.Emoticon, TokenKind.Emoji, TokenKind.Punct]);
});

test('features mark negated words until the clause ends', () => {
  const f = featuresOf(tokenize('not very helpful. Kind staff'));
  expect(f).toContain('not_helpful');
  expect(f).toContain('not_very not_helpful');
  expect(f).toContain('kind');
  expect(f).not.toContain('not_kind');
});

test('the tokeniser can be called repeatedly with the same result', () => {
  expect(tokenize('a b c').values).toEqual(tokenize('a b c').values);
});

test('the first word of each clause is paired with the clause-start marker', () => {
  const f = featuresOf(tokenize('Listen to patients. They listened!'));
  expect(f).toContain('^ listen');
  expect(f).toContain('^ they');
  expect(f).not.toContain('. they');
});

test('a clause opening with a negator gets no clause-start feature', () => {
  const f = featuresOf(tokenize('No one called back.'));
  expect(f).not.toContain('^ no');
  expect(f).toContain('no not_one');
});
