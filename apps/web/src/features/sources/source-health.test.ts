import { expect, test } from 'vitest';
import { plainError } from './source-health.ts';

test('known connector errors read as plain sentences', () => {
  expect(plainError('host not found')).toBe('The web address does not exist (host not found).');
  expect(plainError('HTTP 404')).toBe('The feed address was not found (HTTP 404).');
  expect(plainError('HTTP 503')).toMatch(/server error/);
  expect(plainError('HTTP 410: the feed is gone')).toMatch(/removed for good/);
});

test('no error gives nothing and an unknown error is shown as it is', () => {
  expect(plainError(null)).toBeNull();
  expect(plainError('')).toBeNull();
  expect(plainError('unexpected error while polling')).toBe('unexpected error while polling');
});
