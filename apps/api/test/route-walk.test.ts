import { can, type EndpointKey, endpoints, ROLES } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ENDPOINT_KEYS } from '../src/route-table.ts';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('route_walk');
});

afterAll(async () => {
  await env?.cleanup();
});

/** A concrete request for a route: ids and tokens that exist or not, the access check comes first. */
function requestFor(key: EndpointKey) {
  const [method, path] = key.split(' ') as [string, string];
  const url = path
    .replace(':id', String(env.sourceId))
    .replace(':token', 'x'.repeat(43))
    .replace(':week', '2026-W01');
  return { method: method as 'GET', url };
}

test('every route the app serves is in the endpoint table, and every entry is served', () => {
  const served = env.app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .filter((line) => line.includes('/api'));
  expect(served.length).toBeGreaterThan(0);
  for (const key of ENDPOINT_KEYS) {
    const [method, path] = key.split(' ') as [string, string];
    expect(env.app.hasRoute({ method: method as 'GET', url: path }), key).toBe(true);
  }
});

describe.each(ENDPOINT_KEYS)('%s', (key) => {
  const access = endpoints[key].access;

  test(
    access === 'public'
      ? 'answers without a session'
      : 'refuses a request without a session with 401',
    async () => {
      const response = await env.app.inject(requestFor(key));
      if (access === 'public') {
        expect(response.statusCode).not.toBe(401);
        expect(response.statusCode).not.toBe(403);
      } else {
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('unauthenticated');
      }
    },
  );

  test.each(ROLES)('as %s: allowed by the permission table, or 403', async (role) => {
    // A fresh session each time: the sign-out routes end the one they are called with.
    const { cookie } = await env.signedIn([role]);
    const response = await env.app.inject({ ...requestFor(key), headers: { cookie } });
    const allowed = access === 'public' || access === 'signed-in' || can([role], access);
    if (allowed) {
      expect(response.statusCode, `${key} as ${role}`).not.toBe(401);
      expect(response.statusCode, `${key} as ${role}`).not.toBe(403);
    } else {
      expect(response.statusCode, `${key} as ${role}`).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });
});
