import { describe, expect, test } from 'vitest';
import { passwordProblem } from './password-policy.ts';

const common = new Set(['password', 'qwertyuiop', 'iloveyou', 'letmein', 'welcome']);
const person = { email: 'sam.jones@nhs.example', name: 'Sam Jonesworth' };

describe('a new password', () => {
  test('shorter than twelve characters is refused', () => {
    expect(passwordProblem('short pass1', person, common)).toBe('too-short');
  });

  test('one of the commonest passwords is refused, however it is padded', () => {
    expect(passwordProblem('qwertyuiop12', person, common)).toBe('common');
    expect(passwordProblem('!!password2026', person, common)).toBe('common');
  });

  test("that contains the person's name or e-mail is refused", () => {
    expect(passwordProblem('jonesworth-rules-ok', person, common)).toBe('contains-name');
    expect(passwordProblem('xx-samjones-xx-1', person, common)).toBe('contains-name');
  });

  test('of a few random words is accepted', () => {
    expect(passwordProblem('correct horse battery staple', person, common)).toBeNull();
  });
});
