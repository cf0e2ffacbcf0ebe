import type { AddressInfo } from 'node:net';
import type { LiveServerMessage } from '@barometer/core';
import { afterEach, expect, test, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { testMention } from '../features/inbox/test-mention.ts';
import {
  createLiveSocket,
  type LiveSocket,
  type LiveStatus,
  liveUrl,
  type WebSocketLike,
} from './live-socket.ts';

const servers: WebSocketServer[] = [];
const sockets: LiveSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.stop();
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real websocket server on 127.0.0.1 that records every frame the client sends. */
async function startServer(onResume: (ws: WebSocket, resume: unknown, n: number) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const resumes: unknown[] = [];
  server.on('connection', (ws) => {
    ws.once('message', (data) => {
      const resume: unknown = JSON.parse(String(data));
      resumes.push(resume);
      onResume(ws, resume, resumes.length);
    });
  });
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}/api/live`, resumes };
}

/** A client whose last id is the newest mention it received (or `initialLastId`), like the app's. */
function connect(url: string, initialLastId: number | null) {
  const messages: LiveServerMessage[] = [];
  const lastId = () =>
    messages.reduce<number | null>(
      (max, m) => (m.type === 'mention.created' ? Math.max(max ?? 0, m.mention.id) : max),
      initialLastId,
    );
  const statuses: LiveStatus[] = [];
  const invalid: unknown[] = [];
  const socket = createLiveSocket({
    url,
    lastId,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    onInvalidMessage: (raw) => invalid.push(raw),
    createSocket: (u) => new WebSocket(u) as unknown as WebSocketLike,
    random: () => 0,
  });
  sockets.push(socket);
  socket.start();
  return { socket, messages, statuses, invalid };
}

const send = (ws: WebSocket, message: LiveServerMessage) => ws.send(JSON.stringify(message));

test('after the server drops it, the client reconnects and resumes from the newest id it saw', async () => {
  const server = await startServer((ws, _resume, n) => {
    if (n === 1) {
      send(ws, { type: 'mention.created', mention: testMention(7) });
      send(ws, { type: 'resume.done', lastId: 7, truncated: false });
      // Dropped once everything is on the wire, as a restarting API would.
      ws.close(1001, 'going away');
    } else {
      send(ws, { type: 'resume.done', lastId: null, truncated: false });
    }
  });
  const client = connect(server.url, 3);
  await vi.waitFor(() => expect(server.resumes).toHaveLength(2), { timeout: 5000 });
  expect(server.resumes).toEqual([
    { type: 'resume', lastId: 3 },
    { type: 'resume', lastId: 7 },
  ]);
  await vi.waitFor(() => expect(client.statuses.at(-1)).toBe('live'));
  expect(client.statuses).toContain('reconnecting');
});

test('frames that are not valid live messages are reported and not passed on', async () => {
  const server = await startServer((ws) => {
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'mention.created', mention: { id: 'x' } }));
    send(ws, { type: 'resume.done', lastId: null, truncated: false });
  });
  const client = connect(server.url, null);
  await vi.waitFor(() => expect(client.messages).toHaveLength(1), { timeout: 5000 });
  expect(client.messages[0]).toEqual({ type: 'resume.done', lastId: null, truncated: false });
  expect(client.invalid).toHaveLength(2);
  expect(server.resumes).toEqual([{ type: 'resume', lastId: null }]);
});

test('a server that is not there yet is retried until it answers', async () => {
  const server = await startServer((ws) =>
    send(ws, { type: 'resume.done', lastId: null, truncated: false }),
  );
  // Point the client at a port nobody listens on first, then at the real server.
  const closed = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => closed.once('listening', resolve));
  const deadUrl = `ws://127.0.0.1:${(closed.address() as AddressInfo).port}/api/live`;
  await new Promise((resolve) => closed.close(resolve));
  let attempts = 0;
  const statuses: LiveStatus[] = [];
  const socket = createLiveSocket({
    url: deadUrl,
    lastId: () => null,
    onMessage: () => {},
    onStatus: (s) => statuses.push(s),
    createSocket: (u) => {
      attempts++;
      return new WebSocket(attempts < 3 ? u : server.url) as unknown as WebSocketLike;
    },
    random: () => 0,
  });
  sockets.push(socket);
  socket.start();
  await vi.waitFor(() => expect(server.resumes).toHaveLength(1), { timeout: 10_000 });
  expect(attempts).toBe(3);
  expect(statuses.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(2);
});

test('the live URL follows the page: ws on http, wss on https, same host', () => {
  expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
    'ws://127.0.0.1:3000/api/live',
  );
  expect(liveUrl({ protocol: 'https:', host: 'barometer.nhs.example' })).toBe(
    'wss://barometer.nhs.example/api/live',
  );
});
