import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { ConnectorError } from './errors.ts';
import { guardedWebSocket } from './guarded-websocket.ts';

let server: WebSocketServer;
let port: number;
beforeAll(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  server.on('connection', (ws) => ws.send('hello'));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** Opens a socket and settles on its first message or its first error. */
function outcome(open: () => ReturnType<typeof guardedWebSocket>): Promise<string> {
  return new Promise((resolve) => {
    let socket: ReturnType<typeof guardedWebSocket>;
    try {
      socket = open();
    } catch (error) {
      resolve(error instanceof ConnectorError ? error.code : 'other');
      return;
    }
    socket.once('message', (data) => {
      socket.close();
      resolve(String(data));
    });
    socket.once('error', (error) =>
      resolve(error instanceof ConnectorError ? error.code : `other:${(error as Error).message}`),
    );
  });
}

describe('guardedWebSocket', () => {
  test('a loopback literal is refused before connecting unless allowed', async () => {
    expect(
      await outcome(() => guardedWebSocket(`ws://127.0.0.1:${port}/`, { allowPrivate: false })),
    ).toBe('private-address');
    expect(
      await outcome(() =>
        guardedWebSocket(`ws://127.0.0.1:${port}/`, {
          allowPrivate: false,
          allowedCidrs: ['127.0.0.1/32'],
        }),
      ),
    ).toBe('hello');
  });

  test('a hostname that resolves to loopback is refused at connect time', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 as const }];
    expect(
      await outcome(() =>
        guardedWebSocket(`ws://stream.example:${port}/`, { allowPrivate: false, resolve }),
      ),
    ).toBe('private-address');
  });

  test('only ws and wss URLs without credentials are accepted', async () => {
    expect(
      await outcome(() => guardedWebSocket(`http://127.0.0.1:${port}/`, { allowPrivate: true })),
    ).toBe('bad-url');
    expect(
      await outcome(() => guardedWebSocket(`ws://u:p@127.0.0.1:${port}/`, { allowPrivate: true })),
    ).toBe('bad-url');
  });
});
