import { describe, expect, test } from 'vitest';
import {
  can,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  ROLES,
  rolesWith,
  roomsFor,
  roomsOf,
} from './roles.ts';

describe('the permission table', () => {
  test('every permission is held by at least one role, and admins hold them all', () => {
    for (const permission of PERMISSIONS) {
      expect(ROLES.some((role) => ROLE_PERMISSIONS[role].includes(permission))).toBe(true);
      expect(can(['admin'], permission)).toBe(true);
    }
  });

  test('managers and on-call staff read only the redacted text', () => {
    expect(can(['manager'], 'mentions.read')).toBe(true);
    expect(can(['manager'], 'mentions.read-raw')).toBe(false);
    expect(can(['oncall'], 'mentions.read-raw')).toBe(false);
    expect(can(['officer'], 'mentions.read-raw')).toBe(true);
  });

  test('managers and admins read the barometer; only admins replace a stored week', () => {
    expect(rolesWith('reports.read').sort()).toEqual(['admin', 'manager']);
    expect(rolesWith('reports.rebuild')).toEqual(['admin']);
  });

  test('a person with several roles may do what any of them may', () => {
    expect(can(['manager'], 'sources.poll')).toBe(false);
    expect(can(['manager', 'officer'], 'sources.poll')).toBe(true);
    expect(can([], 'mentions.read')).toBe(false);
  });

  test('rooms follow the table: raw text goes only to the rooms of roles that may read it', () => {
    expect(roomsFor('mentions.read-raw').sort()).toEqual(['role:admin', 'role:officer']);
    expect(roomsOf({ id: 7, roles: ['manager'] })).toEqual(['user:7', 'role:manager']);
  });
});
