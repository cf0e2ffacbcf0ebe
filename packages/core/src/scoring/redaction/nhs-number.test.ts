import { expect, test } from 'vitest';
import { isValidNhsNumber } from './nhs-number.ts';

test('a number whose modulus-11 check digit holds is valid', () => {
  expect(isValidNhsNumber('9434765919')).toBe(true);
  expect(isValidNhsNumber('4010232137')).toBe(true);
});

test('a wrong check digit, a remainder of 10 or a wrong length is not valid', () => {
  expect(isValidNhsNumber('9434765918')).toBe(false);
  expect(isValidNhsNumber('0000000600')).toBe(false);
  expect(isValidNhsNumber('943476591')).toBe(false);
});
