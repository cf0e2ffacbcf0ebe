import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEscalationPolicy } from '@barometer/db';
import { createTestDatabase, type TestDatabase } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { barometer } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'barometer-oncall-'));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase('cli_oncall');
});

afterAll(async () => {
  await database?.drop();
});

const ladder = {
  steps: [
    {
      notify: ['email:primary@trust.nhs.uk', 'teams:https://trust.webhook.office.com/x'],
      escalateAfterSeconds: 300,
    },
    { notify: ['email:director@trust.nhs.uk'], escalateAfterSeconds: 600 },
  ],
};

test('import replaces the ladder and show prints it back in the same JSON', async () => {
  const path = join(dir, 'ladder.json');
  writeFileSync(path, JSON.stringify(ladder));
  const imported = barometer(['oncall', 'import', path], { DATABASE_URL: database.url });
  expect(imported.stderr).toBe('');
  expect(imported.code).toBe(0);
  expect(imported.stdout).toBe('escalation ladder replaced: 2 steps\n');
  expect(await loadEscalationPolicy(database.pool)).toEqual(ladder);
  const shown = barometer(['oncall', 'show'], { DATABASE_URL: database.url });
  expect(shown.code).toBe(0);
  expect(JSON.parse(shown.stdout)).toEqual(ladder);
  const audit = await database.pool.query<{ actor_label: string; after: unknown }>(
    "select actor_label, after from audit_log where action = 'escalation-ladder.replaced'",
  );
  expect(audit.rows).toEqual([
    {
      actor_label: 'cli operator',
      after: [
        { notify: ['email', 'teams'], wait: 300 },
        { notify: ['email'], wait: 600 },
      ],
    },
  ]);
});

test('a file that is not a ladder is refused, naming what is wrong, and changes nothing', async () => {
  const path = join(dir, 'bad.json');
  writeFileSync(
    path,
    JSON.stringify({ steps: [{ notify: ['pager:123'], escalateAfterSeconds: 60 }] }),
  );
  const result = barometer(['oncall', 'import', path], { DATABASE_URL: database.url });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /is not a ladder:[\s\S]*email:ADDRESS[\s\S]*steps\[0\]\.notify\[0\]/,
  );
  expect(await loadEscalationPolicy(database.pool)).toEqual(ladder);
});

test('without a file it prints how to use it', () => {
  const result = barometer(['oncall', 'import'], { DATABASE_URL: database.url });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('barometer oncall import FILE');
});
