import { readSchemaState } from '@barometer/db';
import { createTestDatabase, type TestDatabase } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { barometer } from './run-cli.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('cli_migrate', { migrate: false });
});

afterAll(async () => {
  await database?.drop();
});

test('migrate brings an empty database up to date and is idempotent', async () => {
  expect((await readSchemaState(database)).upToDate).toBe(false);
  const first = barometer(['migrate'], { DATABASE_URL: database.url });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/schema up to date \(\d+ migrations applied\)/);
  const second = barometer(['migrate'], { DATABASE_URL: database.url });
  expect(second.code).toBe(0);
  const state = await readSchemaState(database);
  expect(state).toMatchObject({ upToDate: true });
  expect(state.applied).toBe(state.expected);
});

test('migrate exits non-zero with the reason when the database cannot be reached', () => {
  const result = barometer(['migrate'], {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
  });
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(
    /unable to migrate postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
  );
});

test('an invalid DATABASE_URL is reported by name', () => {
  const result = barometer(['migrate'], { DATABASE_URL: 'not a url' });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('DATABASE_URL');
});

test('an unknown command is a usage error', () => {
  const result = barometer(['frobnicate'], {});
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('unknown command "frobnicate"');
});
