import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '@barometer/db/testing';
import { vi } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');
// tsx's loader inside the one node process, not the tsx CLI: the CLI runs the script in a second
// process, so a SIGKILL sent to it would leave the real worker running as an orphan.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ChildHandle {
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  exited(): boolean;
  /** Sends the signal and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs a TypeScript entry point (path from the repo root) as a real child process. */
export function spawnTsx(entry: string, env: Record<string, string>): ChildHandle {
  const child = spawn(process.execPath, ['--import', tsxLoader, resolve(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exit;
    },
  };
}

/** Waits for the worker fixture to say it is running (schema checked, queues open). */
export async function startWorkerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<ChildHandle> {
  const handle = spawnTsx('apps/worker/test/reliability/run-worker.ts', env);
  await vi.waitFor(
    () => {
      if (handle.exited()) throw new Error(`worker exited:\n${handle.output()}`);
      if (!handle.output().includes('worker ready')) throw new Error('worker not ready yet');
    },
    { timeout: options.timeoutMs ?? 20_000, interval: 50 },
  );
  return handle;
}

export interface ApiProcess extends ChildHandle {
  url: string;
}

/** The real API server (apps/api/src/server.ts) on a free loopback port. */
export async function startApiProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const handle = spawnTsx('apps/api/src/server.ts', {
    HOST: '127.0.0.1',
    PORT: String(port),
    WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...env,
  });
  await vi.waitFor(
    async () => {
      if (handle.exited()) throw new Error(`api exited:\n${handle.output()}`);
      const res = await fetch(`${url}/api/health`);
      if (res.status !== 200) throw new Error(`api health ${res.status}`);
    },
    { timeout: options.timeoutMs ?? 20_000, interval: 100 },
  );
  return { ...handle, url };
}
