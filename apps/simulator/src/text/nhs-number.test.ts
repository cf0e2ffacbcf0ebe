import { expect, test } from 'vitest';
import { testNhsNumber } from './compose.ts';

function checkDigitHolds(spaced: string): boolean {
  const digits = spaced.replaceAll(' ', '').split('').map(Number);
  const sum = digits.slice(0, 9).reduce((total, d, i) => total + d * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits[9];
}

test('simulated NHS numbers are 999 test numbers whose check digit holds', () => {
  for (const seed of [0, 1, 7, 12_345, 999_999, 424_242]) {
    const number = testNhsNumber(seed);
    expect(number).toMatch(/^999 \d{3} \d{4}$/);
    expect(checkDigitHolds(number)).toBe(true);
  }
});
