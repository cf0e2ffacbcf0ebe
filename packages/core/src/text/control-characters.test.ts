import { expect, test } from 'vitest';
import { findControlCharacter, stripUnsafeCharacters } from './control-characters.ts';

test('a NUL anywhere in a request part is found with the field it is in', () => {
  expect(findControlCharacter({ name: 'North\u0000field' })).toEqual({
    path: 'name',
    what: 'a NUL character',
  });
  expect(findControlCharacter({ tags: ['ok', 'bad\u0007'] })).toEqual({
    path: 'tags.1',
    what: 'a control character (U+0007)',
  });
  expect(findControlCharacter({ 'we\u0001ird': 1 })?.path).toBe('(a field name)');
  expect(findControlCharacter('\u0085')?.what).toBe('a control character (U+0085)');
});

test('ordinary text, tabs, new lines and non-Latin scripts pass', () => {
  expect(findControlCharacter({ a: 'line one\nline two\tand\r\n', b: 'مستشفى 病院 ✓', c: 3 })).toBe(
    null,
  );
  expect(findControlCharacter(null)).toBe(null);
});

test('stripping removes NUL, controls and bidi overrides but keeps marks and new lines', () => {
  expect(stripUnsafeCharacters('A\u0000&E\u0008 wait')).toBe('A&E wait');
  expect(stripUnsafeCharacters('\u202Egnp.exe\u202C and \u2067iso\u2069')).toBe('gnp.exe and iso');
  expect(stripUnsafeCharacters('שלום\u200F ok\nnext')).toBe('שלום\u200F ok\nnext');
});
