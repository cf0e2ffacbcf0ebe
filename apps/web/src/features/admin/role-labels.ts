import type { Role } from '@barometer/core';

/** Each role as people say it, with what it is for (shown when inviting and changing roles). */
export const ROLE_LABEL: Record<Role, { name: string; hint: string }> = {
  officer: { name: 'Officer', hint: 'reads and answers mentions, sees patient details' },
  manager: { name: 'Manager', hint: 'reads figures and mentions, patient details hidden' },
  oncall: { name: 'On call', hint: 'reads what they are alerted about' },
  admin: { name: 'Admin', hint: 'manages sources, people and the audit log' },
};

/** "officer", "officer and admin", "officer, manager and admin". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function rolesInWords(roles: readonly string[]): string {
  return listInWords(
    roles.map((r) => (r in ROLE_LABEL ? ROLE_LABEL[r as Role].name.toLowerCase() : r)),
  );
}
