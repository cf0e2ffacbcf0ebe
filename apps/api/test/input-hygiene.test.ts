import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';
import { connectLive } from './reliability/live-client.ts';

let env: ApiTestEnv;
let base: string;

beforeAll(async () => {
  // Short deadlines so a test can outlast them; production defaults are 30 s and 60 s.
  env = await createApiTestEnv('hygiene', {
    API_REQUEST_TIMEOUT_MS: '800',
    API_CONNECTION_TIMEOUT_MS: '1000',
  });
  base = await env.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await env?.cleanup();
});

test('a NUL byte in a filter is a 400 in plain words, not a 500', async () => {
  const res = await env.inject({ method: 'GET', url: '/api/mentions?q=ward%00drop' });
  expect(res.statusCode).toBe(400);
  expect(res.json()).toEqual({
    error: {
      code: 'control_character',
      message: 'the address contains a NUL character in q; remove it and try again',
    },
  });
});

test('a NUL or control character in a source name is refused and nothing is saved', async () => {
  for (const name of ['North\u0000field', 'North\u001bfield']) {
    const res = await env.inject({
      method: 'POST',
      url: '/api/sources',
      payload: { name, url: 'https://news.example/new.rss' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('control_character');
    expect(res.json().error.message).toMatch(/ in name; remove it/);
  }
  const { rows } = await env.database.pool.query('select count(*)::int as n from sources');
  expect(rows[0].n).toBe(1);
});

test('a NUL in a path parameter is refused too', async () => {
  const res = await env.inject({ method: 'GET', url: '/api/sources/1%00' });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.code).toBe('control_character');
});

test('ordinary text with new lines and other scripts is accepted', async () => {
  const res = await env.inject({
    method: 'POST',
    url: '/api/sources',
    payload: { name: 'Ysbyty — مستشفى\tfeed', url: 'https://news.example/cy.rss' },
  });
  expect(res.statusCode).toBe(201);
});

test('a half-sent request body is dropped at the request deadline', async () => {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  socket.on('close', () => {
    closed = true;
  });
  socket.on('error', () => {});
  socket.write(
    `POST /api/sources HTTP/1.1\r\nHost: ${new URL(base).host}\r\nCookie: ${env.cookie}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"name":`,
  );
  // Generous: the deadline is 800 ms; a server without one keeps the socket for minutes.
  await vi.waitFor(() => expect(closed).toBe(true), { timeout: 10_000, interval: 50 });
  expect(received).toMatch(/^HTTP\/1\.1 408/);
});

test('an idle live socket outlives the HTTP connection deadline that closes an idle keep-alive', async () => {
  const client = await connectLive(base.replace(/^http/, 'ws'), null, { cookie: env.cookie });
  const { port } = new URL(base);
  const keepAlive = connect(Number(port), '127.0.0.1');
  let closed = false;
  keepAlive.on('close', () => {
    closed = true;
  });
  keepAlive.on('error', () => {});
  let got = '';
  keepAlive.on('data', (d) => {
    got += String(d);
  });
  keepAlive.write(
    `GET /api/health HTTP/1.1\r\nHost: ${new URL(base).host}\r\nConnection: keep-alive\r\n\r\n`,
  );
  // Opened after the live socket and as quiet since: once the server has closed it, the live
  // socket has been idle longer than the deadline.
  await vi.waitFor(() => expect(closed, got).toBe(true), { timeout: 10_000, interval: 50 });
  expect(client.closeCode()).toBe(null);
  await client.close();
});
