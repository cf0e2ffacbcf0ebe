import type { ErrorBody, SessionDto } from '@barometer/core';
import { hashPassword, insertUser, listAudit } from '@barometer/db';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { SESSION_ENDED } from '../src/live/live-hub.ts';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';
import { connectLive } from './reliability/live-client.ts';

let env: ApiTestEnv;
let wsBase: string;
const PASSWORD = 'harbour lantern pebble orchard';

beforeAll(async () => {
  env = await createApiTestEnv('auth', { SIGNIN_MAX_FAILURES: '3' });
  wsBase = (await env.app.listen({ host: '127.0.0.1', port: 0 })).replace(/^http/, 'ws');
});

afterAll(async () => {
  await env?.cleanup();
});

let counter = 0;
async function person(roles: ('officer' | 'manager' | 'oncall' | 'admin')[] = ['officer']) {
  const email = `person${++counter}@trust.example`;
  const user = await insertUser(env.database.pool, {
    email,
    displayName: `Person ${counter}`,
    roles,
    passwordHash: await hashPassword(PASSWORD),
  });
  return { email, user };
}

const nobody = { cookie: '' };

async function signIn(email: string, password: string) {
  const response = await env.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    headers: nobody,
  });
  const cookie = (response.headers['set-cookie'] as string | undefined)?.split(';')[0] ?? '';
  return { response, cookie };
}

describe('signing in', () => {
  test('the right password sets an HttpOnly session cookie and returns who is signed in', async () => {
    const { email } = await person(['officer']);
    const { response, cookie } = await signIn(email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Lax/);
    const session = await env.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(session.json<SessionDto>()).toMatchObject({ user: { email }, method: 'password' });
    expect(session.json<SessionDto>().permissions).toContain('mentions.read-raw');
    expect(JSON.stringify(session.json())).not.toContain('passwordHash');
  });

  test('a wrong password and an unknown account get the same answer, and both are audited', async () => {
    const { email } = await person();
    const wrong = await signIn(email, 'not the password at all');
    const unknown = await signIn('nobody@trust.example', PASSWORD);
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.statusCode).toBe(401);
    expect(wrong.response.json<ErrorBody>().error).toEqual(
      unknown.response.json<ErrorBody>().error,
    );
    const failures = await listAudit(env.database.pool, {
      action: 'session.sign-in-failed',
      limit: 50,
    });
    expect(failures.map((f) => f.actorLabel)).toEqual(
      expect.arrayContaining([email, 'nobody@trust.example']),
    );
  });

  test('repeated failures hold the account with 429 and say when to try again, even with the right password', async () => {
    const { email } = await person();
    for (let i = 0; i < 3; i++) await signIn(email, 'wrong guess number x');
    const held = await signIn(email, PASSWORD);
    expect(held.response.statusCode).toBe(429);
    expect(Number(held.response.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.response.json<ErrorBody>().error.message).toMatch(/Try again in \d+ minutes?/);
  });

  test('nothing of the password or the session token reaches the audit log', async () => {
    const { email } = await person();
    const { cookie } = await signIn(email, PASSWORD);
    const token = cookie.split('=')[1]!;
    const rows = await env.database.pool.query<{ row: string }>(
      'select row_to_json(a)::text as row from audit_log a',
    );
    for (const { row } of rows.rows) {
      expect(row).not.toContain(PASSWORD);
      expect(row).not.toContain(token);
    }
  });
});

describe('a session', () => {
  test('ends when signed out, and its cookie no longer works', async () => {
    const { email } = await person();
    const { cookie } = await signIn(email, PASSWORD);
    expect(
      (await env.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode,
    ).toBe(204);
    const after = await env.inject({ method: 'GET', url: '/api/mentions', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json<ErrorBody>().error.code).toBe('unauthenticated');
  });

  test('ends after the idle timeout and at its absolute expiry', async () => {
    const { email } = await person();
    const idle = await signIn(email, PASSWORD);
    const absolute = await signIn(email, PASSWORD);
    await env.database.pool.query(
      "update sessions set last_seen_at = now() - interval '61 minutes' where id = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
      [idle.cookie.split('=')[1]],
    );
    await env.database.pool.query(
      "update sessions set expires_at = now() - interval '1 second' where id = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
      [absolute.cookie.split('=')[1]],
    );
    for (const { cookie } of [idle, absolute]) {
      expect(
        (await env.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode,
      ).toBe(401);
    }
  });

  test('signing out everywhere closes the live socket of every other browser at once', async () => {
    const { email } = await person();
    const laptop = await signIn(email, PASSWORD);
    const phone = await signIn(email, PASSWORD);
    const client = await connectLive(wsBase, null, { cookie: phone.cookie });
    const out = await env.inject({
      method: 'DELETE',
      url: '/api/sessions',
      headers: { cookie: laptop.cookie },
    });
    expect(out.statusCode).toBe(204);
    await vi.waitFor(() => expect(client.closeCode()).toBe(SESSION_ENDED));
    expect(
      (await env.inject({ method: 'GET', url: '/api/session', headers: { cookie: phone.cookie } }))
        .statusCode,
    ).toBe(401);
  });

  test('a session that expires while its socket is open has the socket closed at the next check', async () => {
    const { email } = await person();
    const { cookie } = await signIn(email, PASSWORD);
    const client = await connectLive(wsBase, null, { cookie });
    await env.database.pool.query(
      "update sessions set expires_at = now() - interval '1 second' where id = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
      [cookie.split('=')[1]],
    );
    await env.live.checkSessions();
    await vi.waitFor(() => expect(client.closeCode()).toBe(SESSION_ENDED));
  });

  test('an admin disabling a person ends their sessions and closes their socket', async () => {
    const { email, user } = await person();
    const { cookie } = await signIn(email, PASSWORD);
    const client = await connectLive(wsBase, null, { cookie });
    const disabled = await env.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    await vi.waitFor(() => expect(client.closeCode()).toBe(SESSION_ENDED));
    expect((await signIn(email, PASSWORD)).response.statusCode).toBe(401);
  });
});

describe('the live socket', () => {
  test('refuses a connection without a session', async () => {
    await expect(connectLive(wsBase, null, { cookie: '' })).rejects.toThrow(/401/);
  });

  test('refuses a connection from another origin, even with a valid session', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(`${wsBase}/api/live`, {
      origin: 'https://evil.example',
      headers: { cookie: env.cookie },
    });
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve));
    expect(error.message).toMatch(/403/);
  });
});

describe('invitations', () => {
  test('an admin invites a person, who sets a password through the one-time link and is signed in', async () => {
    const invited = await env.inject({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: 'invited@trust.example',
        displayName: 'Invited Officer',
        roles: ['officer'],
      },
    });
    expect(invited.statusCode).toBe(201);
    const token = new URL(invited.json<{ invitationUrl: string }>().invitationUrl).pathname
      .split('/')
      .pop()!;
    const info = await env.inject({
      method: 'GET',
      url: `/api/invitations/${token}`,
      headers: nobody,
    });
    expect(info.json()).toEqual({ email: 'invited@trust.example', displayName: 'Invited Officer' });
    const weak = await env.inject({
      method: 'POST',
      url: `/api/invitations/${token}`,
      payload: { password: 'short' },
      headers: nobody,
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().error.fields?.password).toMatch(/at least 12 characters/);
    const accepted = await env.inject({
      method: 'POST',
      url: `/api/invitations/${token}`,
      payload: { password: PASSWORD },
      headers: nobody,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<SessionDto>().user.email).toBe('invited@trust.example');
    const again = await env.inject({
      method: 'POST',
      url: `/api/invitations/${token}`,
      payload: { password: PASSWORD },
      headers: nobody,
    });
    expect(again.statusCode).toBe(404);
    expect(again.json<ErrorBody>().error.message).toMatch(/expired or has already been used/);
  });

  test('the last admin cannot be demoted', async () => {
    const users = (await env.inject({ method: 'GET', url: '/api/users' })).json<{
      items: { id: number; roles: string[] }[];
    }>();
    const admins = users.items.filter((u) => u.roles.includes('admin'));
    // Demote all but one, then the last refuses.
    for (const admin of admins.slice(1)) {
      await env.database.pool.query("update users set roles = '{officer}' where id = $1", [
        admin.id,
      ]);
    }
    const last = admins[0]!;
    const refused = await env.inject({
      method: 'PATCH',
      url: `/api/users/${last.id}`,
      payload: { roles: ['officer'] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toMatch(/at least one enabled admin/);
  });
});
