import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@barometer/core';
import { dictionary } from '@zxcvbn-ts/language-common';

/** The commonest passwords (zxcvbn's list, about 49,000), lower-cased. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((p) => p.toLowerCase()),
);

/** What is wrong with a new password, in words for the person choosing it; null when fine. */
export function newPasswordProblem(
  password: string,
  person: { email: string; name: string },
): string | null {
  const problem = passwordProblem(password, person, COMMON_PASSWORDS);
  return problem ? PASSWORD_PROBLEM_MESSAGES[problem] : null;
}
