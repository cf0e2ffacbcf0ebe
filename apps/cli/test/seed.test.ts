import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTrustProfile } from '@barometer/db';
import { createTestDatabase, type TestDatabase } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { barometer } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'barometer-seed-'));

const seed = (args: string[], databaseUrl: string) =>
  barometer(['seed', ...args], { DATABASE_URL: databaseUrl });

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('cli_seed');
});

afterAll(async () => {
  await database?.drop();
});

test('an invalid profile file is refused naming the field, and nothing is seeded', async () => {
  const path = join(dir, 'bad.json');
  writeFileSync(path, JSON.stringify({ name: '', aliases: 'Riverside' }));
  const result = seed(['--profile', path], database.url);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/invalid trust profile .*bad\.json: name: .*; aliases: /);
  expect(await getTrustProfile(database.pool)).toBeUndefined();
});

test("a trust's own profile is seeded once and left alone afterwards", async () => {
  const path = join(dir, 'riverside.json');
  writeFileSync(
    path,
    JSON.stringify({
      name: 'Riverside University Hospitals NHS Trust',
      aliases: ['Riverside Hospital'],
    }),
  );
  const first = seed(['--profile', path], database.url);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain(
    'created the trust profile for Riverside University Hospitals NHS Trust',
  );
  const second = seed([], database.url);
  expect(second.stdout).toContain('trust profile already present');
  expect(await getTrustProfile(database.pool)).toMatchObject({
    name: 'Riverside University Hospitals NHS Trust',
    aliases: ['Riverside Hospital'],
    hashtags: [],
  });
});

test('an unknown option is a usage error', () => {
  const result = seed(['--everything'], database.url);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('usage: barometer seed');
});
