import { recordHeartbeat, schedulerHeartbeatKey } from '@barometer/bus';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('pipeline');
});

afterAll(async () => {
  await env?.cleanup();
});

test('sources say polling has stopped when the scheduler has not ticked, and running once it has', async () => {
  const stalled = await env.inject({ method: 'GET', url: '/api/sources' });
  expect(stalled.statusCode).toBe(200);
  expect(stalled.json().items).toHaveLength(1);
  expect(stalled.json().pipeline).toEqual({
    state: 'stalled',
    lastTickAt: null,
    message: expect.stringMatching(/^Sources are not being checked: /),
  });

  await recordHeartbeat(env.publisher, schedulerHeartbeatKey(env.prefix));
  const running = await env.inject({ method: 'GET', url: '/api/sources' });
  expect(running.json().pipeline).toMatchObject({ state: 'running', message: null });
});

test('a scheduler tick older than the stale limit reads as stalled with its time', async () => {
  await recordHeartbeat(
    env.publisher,
    schedulerHeartbeatKey(env.prefix),
    new Date(Date.now() - 5 * 60_000),
  );
  const res = await env.inject({ method: 'GET', url: '/api/sources' });
  expect(res.json().pipeline.state).toBe('stalled');
  expect(res.json().pipeline.message).toMatch(/^Sources have not been checked since \d\d:\d\d: /);
});
