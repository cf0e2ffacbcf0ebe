import type { Role, UserDto } from '@barometer/core';

export type UserStatus = 'active' | 'invited' | 'disabled';

export const USER_STATUS_LABEL: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited: no password yet',
  disabled: 'Disabled',
};

export function userStatus(user: Pick<UserDto, 'disabled' | 'hasPassword' | 'singleSignOn'>) {
  if (user.disabled) return 'disabled';
  return user.hasPassword || user.singleSignOn ? 'active' : 'invited';
}

/** Whether two role lists hold the same roles, whatever their order. */
export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
