import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { spawnTsx } from './reliability/processes.ts';

const dir = mkdtempSync(join(tmpdir(), 'barometer entry '));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('the worker started through a symlinked path with a space in it runs (and says why it stops)', async () => {
  const link = join(dir, 'worker.ts');
  symlinkSync(resolve(import.meta.dirname, '../src/main.ts'), link);
  // Nothing listens on port 1: a worker that really starts fails loudly; one that skips its
  // entry point would exit 0 having done nothing.
  const worker = spawnTsx(link, { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' });
  const code = await new Promise<number | null>((r) => worker.child.once('exit', (c) => r(c)));
  expect(code).toBe(1);
  expect(worker.output()).toMatch(/^worker: .*ECONNREFUSED/m);
}, 30_000);
