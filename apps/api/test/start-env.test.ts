import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

test('npm start refuses a REDIS_PREFIX or LOG_LEVEL the services would refuse, before touching anything', () => {
  const result = spawnSync(process.execPath, [tsxCli, 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      // Port 1: had the launcher gone on, it would say PostgreSQL is not answering.
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      REDIS_PREFIX: 'not a prefix!',
      LOG_LEVEL: 'loud',
    },
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/invalid environment:[\s\S]*REDIS_PREFIX/);
  expect(result.stderr).toContain('LOG_LEVEL');
  expect(result.stderr).not.toContain('PostgreSQL');
}, 30_000);
