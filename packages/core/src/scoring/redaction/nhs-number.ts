/**
 * NHS number check digit (modulus 11): weights 10..2 on the first nine digits; the check digit
 * is 11 minus the remainder, 11 becomes 0, and 10 means the number is not valid.
 */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === digits.charCodeAt(9) - 48;
}
