import type { ErrorBody, MentionPage } from '@barometer/core';
import { hashPassword, insertUser, listAudit } from '@barometer/db';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('security', { PUBLIC_URL: 'https://barometer.trust.example' });
});

afterAll(async () => {
  await env?.cleanup();
});

const site = { host: 'barometer.trust.example' };

describe('requests for another host name', () => {
  test('are refused, so a rebound DNS name cannot read the API', async () => {
    const response = await env.inject({
      method: 'GET',
      url: '/api/mentions',
      headers: { host: 'attacker.example' },
    });
    expect(response.statusCode).toBe(421);
    const ours = await env.inject({ method: 'GET', url: '/api/mentions', headers: site });
    expect(ours.statusCode).toBe(200);
  });
});

describe('state-changing requests from another site (CSRF)', () => {
  test.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json'])(
    'are refused whatever their content type (%s), and nothing happens',
    async (contentType) => {
      const before = (
        await listAudit(env.database.pool, { action: 'source.poll-requested', limit: 100 })
      ).length;
      const response = await env.inject({
        method: 'POST',
        url: `/api/sources/${env.sourceId}/poll`,
        headers: { ...site, origin: 'https://evil.example', 'content-type': contentType },
        payload: contentType === 'application/json' ? '{}' : 'x=1',
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().error.code).toBe('cross_site');
      expect(
        (await listAudit(env.database.pool, { action: 'source.poll-requested', limit: 100 }))
          .length,
      ).toBe(before);
    },
  );

  test('from our own pages go through, and are audited with who and where from', async () => {
    const response = await env.inject({
      method: 'POST',
      url: `/api/sources/${env.sourceId}/poll`,
      headers: { ...site, origin: 'https://barometer.trust.example' },
    });
    expect(response.statusCode).toBe(202);
    const [entry] = await listAudit(env.database.pool, {
      action: 'source.poll-requested',
      limit: 1,
    });
    expect(entry).toMatchObject({ subjectType: 'source', subjectId: String(env.sourceId) });
    expect(entry!.actorUserId).not.toBeNull();
  });
});

describe('the cookie of a deployment on https', () => {
  test('is Secure, HttpOnly and SameSite=Lax', async () => {
    await insertUser(env.database.pool, {
      email: 'secure@trust.example',
      displayName: 'Secure Cookie',
      roles: ['officer'],
      passwordHash: await hashPassword('meadow kettle anchor violet'),
    });
    const response = await env.inject({
      method: 'POST',
      url: '/api/session',
      headers: { ...site, cookie: '' },
      payload: { email: 'secure@trust.example', password: 'meadow kettle anchor violet' },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
  });
});

describe('the OpenAPI description', () => {
  test('is served to admins and lists every route with its schemas', async () => {
    const docs = await env.inject({ method: 'GET', url: '/api/docs', headers: site });
    expect(docs.statusCode).toBe(200);
    const spec = docs.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/mentions', '/api/sources/{id}', '/api/session']),
    );
  });

  test('is refused to an officer', async () => {
    const { cookie } = await env.signedIn(['officer']);
    expect(
      (await env.inject({ method: 'GET', url: '/api/docs', headers: { ...site, cookie } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('patient-identifying text', () => {
  const text = 'My NHS number is 943 476 5919, call me on 07700 900123 about my mum';

  test('is served as written to officers and redacted for managers and on-call staff, on the API', async () => {
    const [id] = await env.ingest([text]);
    const officer = await env.signedIn(['officer']);
    const manager = await env.signedIn(['manager']);
    const raw = await env.inject({
      method: 'GET',
      url: `/api/mentions/${id}`,
      headers: { ...site, cookie: officer.cookie },
    });
    expect(raw.json<{ text: string; textView: string }>()).toMatchObject({ text, textView: 'raw' });
    const redacted = await env.inject({
      method: 'GET',
      url: `/api/mentions?limit=5`,
      headers: { ...site, cookie: manager.cookie },
    });
    const body = JSON.stringify(redacted.json<MentionPage>());
    expect(body).not.toContain('943 476 5919');
    expect(body).not.toContain('07700 900123');
    expect(body).toContain('[NHS number]');
    // The officer's view of a flagged mention's raw text is in the audit log; the manager's is not.
    const views = await listAudit(env.database.pool, { action: 'mention.viewed-raw', limit: 10 });
    expect(views.map((v) => [v.subjectId, v.actorUserId])).toEqual([[String(id), officer.userId]]);
  });

  test('is redacted on the live stream for roles that may not read it', async () => {
    const address = await env.app.listen({ host: '127.0.0.1', port: 0 });
    // The live socket checks Host and Origin against PUBLIC_URL, as a browser on the site would send.
    const oncall = await env.signedIn(['oncall']);
    const officer = await env.signedIn(['officer']);
    const wsBase = address.replace(/^http/, 'ws');
    const headers = (cookie: string) => ({ cookie, host: 'barometer.trust.example' });
    const { default: WebSocket } = await import('ws');
    const open = (cookie: string) =>
      new Promise<{ messages: string[]; socket: InstanceType<typeof WebSocket> }>(
        (resolve, reject) => {
          const socket = new WebSocket(`${wsBase}/api/live`, {
            origin: 'https://barometer.trust.example',
            headers: headers(cookie),
          });
          const messages: string[] = [];
          socket.on('message', (d) => messages.push(String(d)));
          socket.once('open', () => {
            socket.send(JSON.stringify({ type: 'resume', lastId: null }));
            resolve({ messages, socket });
          });
          socket.once('error', reject);
        },
      );
    const [forOncall, forOfficer] = await Promise.all([open(oncall.cookie), open(officer.cookie)]);
    await vi.waitFor(() => {
      expect(forOncall.messages.some((m) => m.includes('resume.done'))).toBe(true);
      expect(forOfficer.messages.some((m) => m.includes('resume.done'))).toBe(true);
    });
    await env.ingest([`${text} (live)`]);
    await vi.waitFor(() => {
      expect(forOncall.messages.some((m) => m.includes('mention.created'))).toBe(true);
      expect(forOfficer.messages.some((m) => m.includes('mention.created'))).toBe(true);
    });
    expect(forOncall.messages.join('\n')).not.toContain('943 476 5919');
    expect(forOfficer.messages.join('\n')).toContain('943 476 5919');
    forOncall.socket.close();
    forOfficer.socket.close();
  });
});
