import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookSink {
  url(path: string): string;
  calls: WebhookCall[];
  /** Statuses to answer, in order; 200 once they run out. */
  answer(...statuses: number[]): void;
  waitFor(count: number, timeoutMs?: number): Promise<WebhookCall[]>;
  close(): Promise<void>;
}

/** A real HTTP server on loopback that records every POST and answers as told. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const calls: WebhookCall[] = [];
  const statuses: number[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      // Only calls that were accepted count as received; the refused ones are retried.
      if (status < 300) {
        calls.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        for (const w of waiters.splice(0)) w();
      }
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    calls,
    answer(...s) {
      statuses.push(...s);
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} webhook calls, got ${calls.length}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
      return calls;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
