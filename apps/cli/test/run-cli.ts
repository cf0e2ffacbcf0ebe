import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `barometer <args>` (the real CLI, as a child process from the repo root) to completion. */
export function barometer(
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): CliResult {
  const result = spawnSync(process.execPath, [tsxCli, 'apps/cli/src/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
