import { createServer, type Server } from 'node:http';
import type { SessionDto } from '@barometer/core';
import { findUserByEmail, insertUser, updateUser } from '@barometer/db';
import { freePort } from '@barometer/db/testing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

/*
 * The whole single sign-on round trip against a real OpenID provider (oidc-provider, started
 * here on a loopback port) and the API listening on a real socket, driven with plain HTTP the
 * way a browser would: every redirect followed by hand, cookies kept per origin.
 */

/** The part of oidc-provider (which ships no types) that this test uses. */
interface TestProvider {
  on(event: 'server_error', listener: (ctx: unknown, error: Error) => void): void;
  callback(): (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => void;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => TestProvider;

const CLIENT_ID = 'barometer-test';
const CLIENT_SECRET = 'a-long-random-client-secret-for-the-test-provider';
const CALLBACK = '/api/auth/oidc/callback';

interface Person {
  email: string;
  email_verified: boolean;
  name: string;
}

/** The provider's account store: the login typed on its sign-in page (also the subject) -> who. */
const PEOPLE: Record<string, Person> = {
  alice: { email: 'alice@trust.example', email_verified: true, name: 'Alice Ames' },
  newcomer: {
    email: 'newcomer@trust.example',
    email_verified: true,
    name: 'Nia Newcomer',
  },
  dora: { email: 'dora@trust.example', email_verified: true, name: 'Dora Dunn' },
  unverified: {
    email: 'umar@trust.example',
    email_verified: false,
    name: 'Umar Unverified',
  },
};

let refusing: ApiTestEnv; // OIDC_AUTO_CREATE_ROLE empty
let creating: ApiTestEnv; // OIDC_AUTO_CREATE_ROLE=manager
let unreachable: ApiTestEnv; // OIDC_ISSUER where nothing listens
let misconfigured: ApiTestEnv; // OIDC_ISSUER on the provider's host, but not its issuer
let refusingUrl: string;
let creatingUrl: string;
let providerServer: Server;
const discoveryRequests: string[] = [];
const providerErrors: string[] = [];

async function listen(env: ApiTestEnv): Promise<string> {
  return env.app.listen({ host: '127.0.0.1', port: 0 });
}

beforeAll(async () => {
  const providerPort = await freePort();
  const issuer = `http://127.0.0.1:${providerPort}`;
  const sso = { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET };
  refusing = await createApiTestEnv('oidc-refuse', { ...sso, OIDC_AUTO_CREATE_ROLE: '' });
  creating = await createApiTestEnv('oidc-create', { ...sso, OIDC_AUTO_CREATE_ROLE: 'manager' });
  unreachable = await createApiTestEnv('oidc-down', {
    ...sso,
    OIDC_ISSUER: `http://127.0.0.1:${await freePort()}`,
  });
  misconfigured = await createApiTestEnv('oidc-wrong', {
    ...sso,
    OIDC_ISSUER: `${issuer}/another-tenant`,
  });
  refusingUrl = await listen(refusing);
  creatingUrl = await listen(creating);

  const { default: Provider } = (await import('oidc-provider' as string)) as {
    default: ProviderClass;
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${refusingUrl}${CALLBACK}`, `${creatingUrl}${CALLBACK}`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    // Refuse any authorisation request without PKCE, so the API must send it.
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    async findAccount(_ctx: unknown, id: string) {
      const person = PEOPLE[id];
      if (!person) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
  });
  // A provider-side failure is reported with its cause, not only as its generic error page.
  provider.on('server_error', (_ctx, error) => providerErrors.push(error.stack ?? String(error)));
  const handle = provider.callback();
  providerServer = createServer((req, res) => {
    if (req.url?.startsWith('/.well-known/openid-configuration')) {
      discoveryRequests.push(req.headers['user-agent'] ?? '');
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => providerServer.listen(providerPort, '127.0.0.1', resolve));

  await insertUser(refusing.database.pool, {
    email: 'alice@trust.example',
    displayName: 'Alice',
    roles: ['officer'],
    passwordHash: null,
  });
  const dora = await insertUser(refusing.database.pool, {
    email: 'dora@trust.example',
    displayName: 'Dora',
    roles: ['officer'],
    passwordHash: null,
  });
  await updateUser(refusing.database.pool, dora.id, { disabledAt: new Date() });
  await insertUser(refusing.database.pool, {
    email: 'umar@trust.example',
    displayName: 'Umar',
    roles: ['officer'],
    passwordHash: null,
  });
});

afterAll(async () => {
  if (providerServer?.listening) await new Promise((resolve) => providerServer.close(resolve));
  await Promise.all([refusing, creating, unreachable, misconfigured].map((env) => env?.cleanup()));
});

/** A browser's cookie jar, one bag per origin (enough here: each server has its own port). */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  async postForm(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }
}

function locationOf(response: Response, base: string): string {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect from ${base}, got ${response.status}`);
  return new URL(location, base).href;
}

/**
 * Clicks "sign in with your NHS account" and plays the person at the provider (types the login,
 * gives consent) until the provider sends the browser back to the API's callback. Returns the
 * callback address without visiting it.
 */
async function throughProvider(browser: Browser, api: string, login: string): Promise<URL> {
  const start = await browser.get(`${api}/api/auth/oidc/start`);
  expect(start.status).toBe(303);
  let url = locationOf(start, api);
  expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(`${api}${CALLBACK}`)) return new URL(url);
    const response = await browser.get(url);
    if (response.status >= 300 && response.status < 400) {
      url = locationOf(response, url);
      continue;
    }
    const page = await response.text();
    expect(response.status, providerErrors.join('\n') || page).toBe(200);
    const prompt = page.match(/name="prompt" value="(login|consent)"/)?.[1];
    const action = page.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page at ${url}`);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    const submitted = await browser.postForm(new URL(action, url).href, form);
    url = locationOf(submitted, url);
  }
  throw new Error('the provider never sent the browser back to the API');
}

/** Completes the callback; returns where the API sent the browser and the session cookie if any. */
async function finish(browser: Browser, api: string, callbackUrl: URL) {
  const response = await browser.get(callbackUrl.href);
  expect(response.status).toBe(303);
  const location = new URL(locationOf(response, api));
  return {
    path: location.pathname,
    message: location.searchParams.get('sso'),
    session: browser.cookie(api, 'barometer_session'),
  };
}

async function signInAs(api: string, login: string) {
  const browser = new Browser();
  return finish(browser, api, await throughProvider(browser, api, login));
}

async function sessionOf(api: string, token: string | undefined): Promise<SessionDto> {
  expect(token).toBeTruthy();
  const response = await fetch(`${api}/api/session`, {
    headers: { cookie: `barometer_session=${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SessionDto;
}

async function auditRows(env: ApiTestEnv, action: string) {
  const { rows } = await env.database.pool.query<{
    actor_user_id: number | null;
    actor_label: string;
    subject_id: string | null;
    after: Record<string, unknown> | null;
  }>(
    'select actor_user_id, actor_label, subject_id, after from audit_log where action = $1 order by id',
    [action],
  );
  return rows;
}

test('a person whose verified e-mail matches an account signs in and the session says oidc', async () => {
  const result = await signInAs(refusingUrl, 'alice');
  expect(result).toMatchObject({ path: '/', message: null });
  const session = await sessionOf(refusingUrl, result.session);
  expect(session.method).toBe('oidc');
  expect(session.user.email).toBe('alice@trust.example');
  expect(session.user.roles).toEqual(['officer']);

  const alice = await findUserByEmail(refusing.database.pool, 'alice@trust.example');
  expect(alice?.oidcSubject).toBe('alice');
  const signedIn = await auditRows(refusing, 'session.signed-in');
  expect(signedIn).toContainEqual(
    expect.objectContaining({
      actor_user_id: alice!.id,
      subject_id: String(alice!.id),
      after: { method: 'oidc' },
    }),
  );
  expect(await auditRows(refusing, 'user.sso-linked')).toEqual([
    expect.objectContaining({ subject_id: String(alice!.id) }),
  ]);
});

test('a later sign-in is matched by the remembered subject even after the e-mail changed', async () => {
  const pool = refusing.database.pool;
  const before = await findUserByEmail(pool, 'alice@trust.example');
  expect(before?.oidcSubject).toBe('alice'); // linked by the test above
  await pool.query(`update users set email = 'alice.ames@trust.example' where id = $1`, [
    before!.id,
  ]);
  const result = await signInAs(refusingUrl, 'alice');
  const session = await sessionOf(refusingUrl, result.session);
  expect(session.user.id).toBe(before!.id);
  expect(session.user.email).toBe('alice.ames@trust.example');
  expect(await findUserByEmail(pool, 'alice@trust.example')).toBeUndefined();
});

test('an unknown e-mail is refused with a plain message when new accounts are not allowed', async () => {
  const result = await signInAs(refusingUrl, 'newcomer');
  expect(result.path).toBe('/');
  expect(result.message).toBe(
    'There is no Barometer account for your e-mail address. Ask an admin to add you.',
  );
  expect(result.session).toBeUndefined();
  expect(await findUserByEmail(refusing.database.pool, 'newcomer@trust.example')).toBeUndefined();
  expect(await auditRows(refusing, 'session.sign-in-failed')).toContainEqual(
    expect.objectContaining({
      actor_user_id: null,
      actor_label: 'newcomer@trust.example',
      after: { method: 'oidc', reason: 'unknown-account' },
    }),
  );
});

test('an unknown e-mail gets an account with the configured role when the admin allows it', async () => {
  const result = await signInAs(creatingUrl, 'newcomer');
  expect(result).toMatchObject({ path: '/', message: null });
  const session = await sessionOf(creatingUrl, result.session);
  expect(session.method).toBe('oidc');
  expect(session.user).toMatchObject({
    email: 'newcomer@trust.example',
    displayName: 'Nia Newcomer',
    roles: ['manager'],
    hasPassword: false,
    singleSignOn: true,
  });
  expect(await auditRows(creating, 'user.created')).toEqual([
    expect.objectContaining({
      subject_id: String(session.user.id),
      after: { email: 'newcomer@trust.example', roles: ['manager'], via: 'single sign-on' },
    }),
  ]);
  expect(await auditRows(creating, 'session.signed-in')).toContainEqual(
    expect.objectContaining({ actor_user_id: session.user.id, after: { method: 'oidc' } }),
  );
});

test('a disabled account is refused and the refusal is audited', async () => {
  const result = await signInAs(refusingUrl, 'dora');
  expect(result.message).toBe('This account is disabled. Ask an admin to enable it.');
  expect(result.session).toBeUndefined();
  const dora = await findUserByEmail(refusing.database.pool, 'dora@trust.example');
  expect(dora?.oidcSubject).toBeNull();
  expect(await auditRows(refusing, 'session.sign-in-failed')).toContainEqual(
    expect.objectContaining({
      actor_label: 'dora@trust.example',
      subject_id: String(dora!.id),
      after: { method: 'oidc', reason: 'disabled' },
    }),
  );
});

test('an e-mail the provider does not vouch for is not matched to the account that has it', async () => {
  const result = await signInAs(refusingUrl, 'unverified');
  expect(result.message).toMatch(/did not confirm your e-mail address/);
  expect(result.session).toBeUndefined();
  const umar = await findUserByEmail(refusing.database.pool, 'umar@trust.example');
  expect(umar?.oidcSubject).toBeNull();
  expect(await auditRows(refusing, 'session.sign-in-failed')).toContainEqual(
    expect.objectContaining({ after: { method: 'oidc', reason: 'no-verified-email' } }),
  );
});

test('a tampered state is refused, and the untampered answer cannot be replayed afterwards', async () => {
  const browser = new Browser();
  const callbackUrl = await throughProvider(browser, creatingUrl, 'newcomer');
  const tampered = new URL(callbackUrl);
  tampered.searchParams.set('state', `${callbackUrl.searchParams.get('state')}x`);
  const refused = await finish(browser, creatingUrl, tampered);
  expect(refused.message).toBe('Single sign-on could not be completed. Try again.');
  expect(refused.session).toBeUndefined();
  // The login state was used up by the refused attempt: the genuine answer is now too late.
  const replayed = await finish(browser, creatingUrl, callbackUrl);
  expect(replayed.message).toMatch(/took too long or was started in another window/);
  expect(replayed.session).toBeUndefined();
  const reasons = (await auditRows(creating, 'session.sign-in-failed')).map((r) => r.after?.reason);
  expect(reasons).toEqual(['invalid-response', 'login-expired']);
});

test('a callback from a browser that never started a sign-in is refused', async () => {
  const result = await finish(
    new Browser(),
    refusingUrl,
    new URL(`${refusingUrl}${CALLBACK}?code=made-up&state=made-up`),
  );
  expect(result.message).toMatch(/took too long/);
  expect(result.session).toBeUndefined();
});

test('the provider is discovered once per server and reached through the guarded client', () => {
  // alice twice, newcomer, dora, unverified on one server; newcomer and the tampered run on the other.
  expect(discoveryRequests).toEqual([
    'Barometer/0.1 (single sign-on)',
    'Barometer/0.1 (single sign-on)',
  ]);
});

test('a provider that is down gives the sign-in page a plain message, not an error page', async () => {
  const response = await unreachable.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(response.statusCode).toBe(303);
  const location = new URL(response.headers.location as string, 'http://127.0.0.1');
  expect(location.pathname).toBe('/');
  expect(location.searchParams.get('sso')).toBe(
    "The trust's sign-in service is not answering. Try again in a few minutes, or sign in with your password.",
  );
  expect(response.headers['set-cookie']).toBeUndefined();
});

test('an issuer address the provider does not answer to is reported as a set-up problem', async () => {
  const response = await misconfigured.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(response.statusCode).toBe(303);
  const location = new URL(response.headers.location as string, 'http://127.0.0.1');
  expect(location.searchParams.get('sso')).toBe(
    'Single sign-on is not set up correctly on this server. Ask IT to check it.',
  );
});

// Last: it stops the provider.
test('a provider that goes down mid sign-in gives a plain message and the refusal is audited', async () => {
  const browser = new Browser();
  const callbackUrl = await throughProvider(browser, refusingUrl, 'alice');
  const closed = new Promise((resolve) => providerServer.close(resolve));
  providerServer.closeAllConnections();
  await closed;
  const result = await finish(browser, refusingUrl, callbackUrl);
  expect(result.message).toBe(
    "The trust's sign-in service is not answering. Try again in a few minutes, or sign in with your password.",
  );
  expect(result.session).toBeUndefined();
  const reasons = (await auditRows(refusing, 'session.sign-in-failed')).map((r) => r.after?.reason);
  expect(reasons.at(-1)).toBe('provider-unavailable');
});
