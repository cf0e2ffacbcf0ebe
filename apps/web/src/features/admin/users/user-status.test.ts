import { expect, test } from 'vitest';
import { sameRoles, userStatus } from './user-status.ts';

test('a person is disabled, invited without a password yet, or active', () => {
  expect(userStatus({ disabled: true, hasPassword: true, singleSignOn: false })).toBe('disabled');
  expect(userStatus({ disabled: false, hasPassword: false, singleSignOn: false })).toBe('invited');
  expect(userStatus({ disabled: false, hasPassword: true, singleSignOn: false })).toBe('active');
  expect(userStatus({ disabled: false, hasPassword: false, singleSignOn: true })).toBe('active');
});

test('role lists compare by what they hold, not their order', () => {
  expect(sameRoles(['officer', 'admin'], ['admin', 'officer'])).toBe(true);
  expect(sameRoles(['officer'], ['officer', 'admin'])).toBe(false);
  expect(sameRoles(['officer', 'manager'], ['officer', 'admin'])).toBe(false);
});
