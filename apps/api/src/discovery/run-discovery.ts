import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFeed } from '@barometer/core';
import { ConnectorError, type HttpPolicy } from '@barometer/http';

/** A page to look for feeds on is read only this far: a page's <head> is rarely past 100 KiB. */
export const DISCOVERY_MAX_BODY_BYTES = 1024 * 1024;
/** Each fetch (page or candidate) gets this long. */
const DISCOVERY_FETCH_MS = 8000;
/** The whole discovery, every candidate included; then its thread is stopped. */
const DISCOVERY_DEADLINE_MS = 20_000;
/** A thread's heap: ample for a 1 MiB page, and a hard stop for anything that balloons. */
const THREAD_HEAP_MB = 64;

const threadFile = new URL('./discovery-thread.ts', import.meta.url).href;
// The API runs its TypeScript through tsx, whose loader does not follow into worker threads:
// a tiny bootstrap registers it inside the thread, then loads the real thread module.
const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
const tsxApi = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(threadFile)}); })`;

type ThreadAnswer =
  | { ready: true }
  | { ok: true; items: DiscoveredFeed[] }
  | { ok: false; connector: boolean; code: string; message: string };

export interface DiscoveryRunner {
  discover(
    url: string,
    policy: Pick<HttpPolicy, 'allowPrivate' | 'allowedCidrs'>,
  ): Promise<DiscoveredFeed[]>;
  close(): Promise<void>;
}

/**
 * Discoveries in worker threads kept for reuse (starting one costs a second of module loading).
 * The caller admits at most as many at once as it wants threads; a thread that overruns the
 * deadline, crashes or hits its heap cap is terminated and replaced on the next call.
 */
export function createDiscoveryRunner(): DiscoveryRunner {
  const idle: Worker[] = [];
  const all = new Set<Worker>();

  function spawn(): Worker {
    const thread = new Worker(bootstrap, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    thread.unref();
    all.add(thread);
    thread.once('exit', () => {
      all.delete(thread);
      const at = idle.indexOf(thread);
      if (at >= 0) idle.splice(at, 1);
    });
    return thread;
  }

  function run(thread: Worker, task: { url: string; policy: HttpPolicy }) {
    return new Promise<DiscoveredFeed[]>((resolve, reject) => {
      let settled = false;
      const finish = (keep: boolean, work: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
        if (keep) idle.push(thread);
        else void thread.terminate();
        work();
      };
      const onMessage = (answer: ThreadAnswer) => {
        if ('ready' in answer) return;
        finish(true, () => {
          if (answer.ok) resolve(answer.items);
          else if (answer.connector)
            reject(new ConnectorError(answer.code as never, { message: answer.message }));
          else reject(new Error(answer.message));
        });
      };
      const onError = (error: Error) => finish(false, () => reject(error));
      const onExit = (code: number) =>
        finish(false, () => reject(new Error(`discovery thread exited with code ${code}`)));
      const deadline = setTimeout(
        () => finish(false, () => reject(new ConnectorError('timeout'))),
        DISCOVERY_DEADLINE_MS,
      );
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.once('exit', onExit);
      thread.postMessage(task);
    });
  }

  return {
    discover(url, policy) {
      const thread = idle.pop() ?? spawn();
      return run(thread, {
        url,
        policy: {
          ...policy,
          maxBodyBytes: DISCOVERY_MAX_BODY_BYTES,
          timeouts: { totalMs: DISCOVERY_FETCH_MS },
        },
      });
    },
    async close() {
      await Promise.all([...all].map((t) => t.terminate()));
    },
  };
}
