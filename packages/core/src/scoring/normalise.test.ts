import { expect, test } from 'vitest';
import { cleanCharacters, normaliseText, splitHashtag } from './normalise.ts';

test('curly apostrophes become straight so negations are recognised', () => {
  expect(cleanCharacters('I don’t know')).toBe("I don't know");
});

test('emoji variation selectors and zero-width joiners are removed', () => {
  expect(cleanCharacters('\u2764\uFE0F ok\u200B')).toBe('\u2764 ok');
});

test('hashtags are split into words and kept in order', () => {
  const out = normaliseText('Again! #NoBedsAgain #NHS_Crisis #A&E #NoBedsAgain');
  expect(out.text).toBe('Again! No Beds Again NHS Crisis A&E No Beds Again');
  expect(out.hashtags).toEqual(['NoBedsAgain', 'NHS_Crisis', 'A&E']);
});

test('camel case, acronyms and numbers are split in hashtags', () => {
  expect(splitHashtag('NHSCrisis')).toBe('NHS Crisis');
  expect(splitHashtag('wait4hours')).toBe('wait 4 hours');
});

test('links and the at sign of handles are removed', () => {
  expect(normaliseText('@NorthfieldNHS see https://x.co/abc now').text).toBe(
    'NorthfieldNHS see   now',
  );
});
