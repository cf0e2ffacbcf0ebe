import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreMention, WeeklyReport } from '@barometer/core';
import { upsertMentions } from '@barometer/db';
import {
  addFeedSource,
  createTestDatabase,
  mentionToStore,
  type TestDatabase,
} from '@barometer/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/barometer.js', import.meta.url));
let database: TestDatabase;
let dir: string;

function barometer(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  database = await createTestDatabase('cli_report');
  dir = await mkdtemp(join(tmpdir(), 'report-'));
  const source = await addFeedSource(database, { name: '=Echo', url: 'https://echo.example/rss' });
  await database.pool.query(`update sources set created_at = '2026-10-01T00:00:00Z'`);
  const text = '@everyone Northfield General was brilliant, call 07700 900123';
  await upsertMentions(database.pool, source.id, [
    mentionToStore('a', text, scoreMention({ text }), { publishedAt: '2026-11-24T10:00:00Z' }),
    mentionToStore('b', 'Northfield General parking is awful', undefined, {
      publishedAt: '2026-11-25T10:00:00Z',
    }),
  ]);
});

afterAll(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('barometer report', () => {
  test('writes the week as JSON with the fields checks depend on', () => {
    const out = barometer(['report', '--week', '2026-W48', '--format', 'json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const report = WeeklyReport.parse(JSON.parse(out.stdout));
    for (const key of [
      'week',
      'from',
      'to',
      'mentions',
      'stories',
      'authors',
      'netSentiment',
      'previous',
      'bySource',
      'byTopic',
      'emergingIssues',
      'coverage',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(report.week).toBe('2026-W48');
    expect(report.mentions.value).toBe(2);
  });

  test('writes the figures as CSV to a file, names that look like formulas escaped', async () => {
    const file = join(dir, 'figures.csv');
    const out = barometer(['report', '--week', '2026-W48', '--format', 'csv', '--out', file]);
    expect(out.status).toBe(0);
    const csv = await readFile(file, 'utf8');
    expect(csv).toContain('totals,mentions,2,0,');
    expect(csv).toContain("by source,'=Echo,2,0,");
  });

  test("writes the week's mentions as CSV with the redacted text only", () => {
    const out = barometer(['report', '--week', '2026-W48', '--format', 'mentions-csv']);
    expect(out.status).toBe(0);
    expect(out.stdout).not.toContain('07700 900123');
    expect(out.stdout).toContain("'@everyone");
    expect(out.stdout.trim().split('\r\n')).toHaveLength(3);
  });

  test('writes an HTML page of the week', () => {
    const out = barometer(['report', '--week', '2026-W48', '--format', 'html']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^<!doctype html>/);
    expect(out.stdout).toContain('Barometer: week of 23 Nov');
  });

  test('writes the paginated PDF to a file', async () => {
    const file = join(dir, 'report.pdf');
    const out = barometer(['report', '--week', '2026-W48', '--format', 'pdf', '--out', file]);
    expect(out.status).toBe(0);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('refuses a week that does not exist, saying how to write one', () => {
    const out = barometer(['report', '--week', '2026-48']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('a week is written like 2026-W48');
  });
});
