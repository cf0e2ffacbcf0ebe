/**
 * Feed discoveries, run in a worker thread: fetching, decoding and parsing a page (up to the
 * discovery body cap) never blocks the API's event loop, and the thread's heap limit bounds what
 * a hostile page can make it allocate. One discovery at a time per thread.
 */
import { parentPort } from 'node:worker_threads';
import { discoverFeeds } from '@barometer/connectors';
import type { HttpPolicy } from '@barometer/http';

parentPort?.on('message', (task: { url: string; policy: HttpPolicy }) => {
  discoverFeeds(task.url, task.policy).then(
    (items) => parentPort?.postMessage({ ok: true, items }),
    (error: unknown) => {
      const e = error as { code?: unknown; message?: unknown; name?: unknown };
      parentPort?.postMessage({
        ok: false,
        connector: e?.name === 'ConnectorError',
        code: typeof e?.code === 'string' ? e.code : 'internal',
        message: typeof e?.message === 'string' ? e.message : 'discovery failed',
      });
    },
  );
});
parentPort?.postMessage({ ready: true });
