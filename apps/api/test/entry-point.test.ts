import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'barometer entry '));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the API started through a symlinked path with a space in it runs (and says why it stops)', async () => {
  const link = join(dir, 'server.ts');
  symlinkSync(resolve(import.meta.dirname, '../src/server.ts'), link);
  // Nothing listens on port 1: an API that really starts fails loudly; one that skips its entry
  // point would exit 0 having done nothing.
  const child = spawn(process.execPath, ['--import', tsxLoader, link], {
    env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  expect(code).toBe(1);
  expect(stderr).toMatch(/^api: .*ECONNREFUSED/m);
}, 30_000);
