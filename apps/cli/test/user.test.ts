import { findUserByEmail, listAudit, verifyPassword } from '@barometer/db';
import { createTestDatabase, type TestDatabase } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { barometer } from './run-cli.ts';

let database: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase('cli_user');
  env = { DATABASE_URL: database.url, PUBLIC_URL: 'https://barometer.trust.example' };
});

afterAll(async () => {
  await database?.drop();
});

test('the first admin is made from the command line with a password read from standard input', async () => {
  const result = barometer(
    [
      'user',
      'add',
      '--email',
      'First.Admin@Trust.example',
      '--name',
      'First Admin',
      '--role',
      'admin',
    ],
    env,
    'lantern orchard velvet gravel\n',
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const user = await findUserByEmail(database.pool, 'first.admin@trust.example');
  expect(user?.roles).toEqual(['admin']);
  expect(await verifyPassword(user!.passwordHash, 'lantern orchard velvet gravel')).toBe(true);
  const audit = await listAudit(database.pool, { action: 'user.created', limit: 10 });
  expect(audit).toHaveLength(1);
  expect(audit[0]!.actorLabel).toBe('cli operator');
});

test('a common or short password is refused in plain words and nobody is added', async () => {
  const weak = barometer(
    ['user', 'add', '--email', 'weak@trust.example', '--name', 'Weak', '--role', 'officer'],
    env,
    'password1234\n',
  );
  expect(weak.code).toBe(1);
  expect(weak.stderr).toMatch(/most common/);
  expect(await findUserByEmail(database.pool, 'weak@trust.example')).toBeUndefined();
});

test('--invite prints a one-time link on the public address instead of asking for a password', () => {
  const result = barometer(
    [
      'user',
      'add',
      '--email',
      'new@trust.example',
      '--name',
      'New Officer',
      '--role',
      'officer',
      '--invite',
    ],
    env,
  );
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(
    /https:\/\/barometer\.trust\.example\/invitation\/[A-Za-z0-9_-]{40,}/,
  );
});

test('list, role and disable change what they say, and an unknown role is a usage error', async () => {
  expect(barometer(['user', 'role', 'new@trust.example', 'manager', 'oncall'], env).code).toBe(0);
  expect((await findUserByEmail(database.pool, 'new@trust.example'))?.roles).toEqual([
    'manager',
    'oncall',
  ]);
  expect(barometer(['user', 'disable', 'new@trust.example'], env).code).toBe(0);
  expect((await findUserByEmail(database.pool, 'new@trust.example'))?.disabledAt).not.toBeNull();
  const list = barometer(['user', 'list'], env);
  expect(list.stdout).toMatch(/new@trust\.example\tNew Officer\tmanager,oncall\tdisabled/);
  const bad = barometer(['user', 'role', 'new@trust.example', 'superuser'], env);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/roles must be one or more of officer, manager, oncall, admin/);
}, 120_000);
