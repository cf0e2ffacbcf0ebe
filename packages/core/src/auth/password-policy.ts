/** Long enough to resist guessing, short enough to type: NCSC advises length over complexity. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'contains-name';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters: three or four random words work well`,
  'too-long': `Use at most ${MAX_PASSWORD_LENGTH} characters`,
  common: 'This password is one of the most common ones; choose another',
  'contains-name': 'Do not use your name or e-mail address in your password',
};

/**
 * Checks a new password against the length rule, the commonest passwords (passed in, so core
 * carries no word list) and the person's own name and e-mail. Null when it is acceptable.
 */
export function passwordProblem(
  password: string,
  person: { email: string; name: string },
  commonPasswords: ReadonlySet<string>,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  const folded = password.toLowerCase();
  const squashed = folded.replace(/[^a-z0-9]/g, '');
  if (commonPasswords.has(folded) || commonPasswords.has(squashed)) return 'common';
  // A common password padded with digits or symbols ("password123!") is still a common password.
  const core = folded.replace(/[^a-z]+$/g, '').replace(/^[^a-z]+/g, '');
  if (core.length >= 4 && commonPasswords.has(core)) return 'common';
  const local = person.email.toLowerCase().split('@')[0] ?? '';
  const nameParts = person.name
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 4);
  if (
    (local.length >= 4 && squashed.includes(local.replace(/[^a-z0-9]/g, ''))) ||
    nameParts.some((part) => folded.includes(part))
  ) {
    return 'contains-name';
  }
  return null;
}
