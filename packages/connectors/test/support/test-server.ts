import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface TestServer {
  host: string;
  port: number;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  origin: string;
  url(path: string): string;
  route(path: string, handler: Route): void;
  requests: RecordedRequest[];
  /** TCP connections accepted: the SSRF oracle ("the refused address received no connection"). */
  connections: number;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback (port 0), routes by exact path (query ignored), records every
 * request and counts every TCP connection.
 */
export function startTestServer(host = '127.0.0.1'): Promise<TestServer> {
  return startTestServerOn(host, 0);
}

/** As startTestServer, on a chosen port (DNS-rebinding tests need two hosts on one port). */
export async function startTestServerOn(host: string, port: number): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  const state = { connections: 0 };
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found: secret internal detail');
    }
  });
  server.on('connection', (socket) => {
    state.connections++;
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${bound}`;
  return {
    host,
    port: bound,
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    get connections() {
      return state.connections;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8' },
  status = 200,
): Route {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}
