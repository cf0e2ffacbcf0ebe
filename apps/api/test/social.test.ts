import { randomBytes } from 'node:crypto';
import { TrustProfile } from '@barometer/core';
import { createSource, saveTrustProfile, upsertMentions } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { MASTODON_TOKEN, type Simulator, startSimulator } from '@barometer/simulator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

const SECRET = `sim-secret-${randomBytes(6).toString('hex')}`;
let env: ApiTestEnv;
let sim: Simulator;
let sourceId: number;

beforeAll(async () => {
  sim = await startSimulator({ autoTick: false, startWith: 0, seed: 3 });
  env = await createApiTestEnv('social', {
    BAROMETER_SECRET_KEY: randomBytes(32).toString('base64'),
    ALLOW_PRIVATE_FEEDS: 'true',
  });
  const source = await createSource(env.database.pool, {
    kind: 'mastodon',
    name: 'Mastodon #NorthfieldGeneral',
    url: `${sim.url}/mastodon`,
    query: '#NorthfieldGeneral',
    isQueryFeed: true,
    pollIntervalSeconds: 300,
    enabled: true,
  });
  sourceId = source.id;
  await saveTrustProfile(
    env.database.pool,
    TrustProfile.parse({
      name: 'Northfield and District NHS Foundation Trust',
      handles: ['@NorthfieldNHS'],
    }),
  );
});
afterAll(async () => {
  await env.cleanup();
  await sim.close();
});

describe('source credentials', () => {
  test('an admin sets one; the API says only "set", never the value, and the audit says the same', async () => {
    const put = await env.inject({
      method: 'PUT',
      url: `/api/sources/${sourceId}/credential`,
      payload: { credential: SECRET },
    });
    expect(put.statusCode).toBe(204);
    const one = await env.inject({ method: 'GET', url: `/api/sources/${sourceId}` });
    expect(one.json()).toMatchObject({ credentials: 'set', query: '#NorthfieldGeneral' });
    const responses = [
      one,
      await env.inject({ method: 'GET', url: '/api/sources' }),
      await env.inject({ method: 'GET', url: '/api/audit' }),
    ];
    for (const response of responses) expect(response.body).not.toContain(SECRET);
    const audit = (await env.inject({ method: 'GET', url: '/api/audit' })).body;
    expect(audit).toContain('source.credential-set');
    const { rows } = await env.database.pool.query<{ sealed: string }>(
      'select sealed from source_credentials where source_id = $1',
      [sourceId],
    );
    expect(rows[0]?.sealed).toMatch(/^v1:/);
    expect(rows[0]?.sealed).not.toContain(SECRET);
  });

  test('only holders of sources.credentials may set or remove one', async () => {
    const officer = await env.signedIn(['officer']);
    const refused = await env.inject({
      method: 'PUT',
      url: `/api/sources/${sourceId}/credential`,
      payload: { credential: 'x' },
      headers: { cookie: officer.cookie },
    });
    expect(refused.statusCode).toBe(403);
    const removed = await env.inject({
      method: 'DELETE',
      url: `/api/sources/${sourceId}/credential`,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await env.inject({ method: 'GET', url: `/api/sources/${sourceId}` })).json(),
    ).toMatchObject({ credentials: 'not set' });
  });
});

describe('GET /api/mentions/:id/thread', () => {
  test('joins stored posts with the conversation fetched from the platform, the opened one highlighted', async () => {
    await env.inject({
      method: 'PUT',
      url: `/api/sources/${sourceId}/credential`,
      payload: { credential: MASTODON_TOKEN },
    });
    const root = sim.social.publish('mastodon', { text: 'Twelve hours at #NorthfieldGeneral A&E' });
    const reply = sim.social.publish('mastodon', { text: 'Same here last week', replyTo: root.id });
    const answer = sim.social.publish('mastodon', {
      text: 'Sorry to hear this, please DM us',
      author: 'NorthfieldNHS',
      replyTo: reply.id,
    });
    // Only the reply is stored: the root and the trust's answer come from the platform.
    const stored = await upsertMentions(env.database.pool, sourceId, [
      mentionToStore(reply.id, 'Same here last week', undefined, {
        parentExternalId: root.id,
        rootExternalId: root.id,
        author: '@pat',
      }),
    ]);
    const response = await env.inject({
      method: 'GET',
      url: `/api/mentions/${stored.insertedIds[0]}/thread`,
    });
    expect(response.statusCode).toBe(200);
    const thread = response.json();
    expect(thread.completeness).toBe('fetched');
    expect(
      thread.posts.map((p: { externalId: string; depth: number }) => [p.externalId, p.depth]),
    ).toEqual([
      [root.id, 0],
      [reply.id, 1],
      [answer.id, 2],
    ]);
    expect(thread.posts[1]).toMatchObject({ isFocus: true, mentionId: stored.insertedIds[0] });
    expect(thread.posts[2]).toMatchObject({ isTrust: true, mentionId: null, sentimentLabel: null });
    expect(thread.trustReplied).toBe(true);
  });

  test('when the platform cannot be reached the stored posts still come back, with the reason', async () => {
    sim.social.faults.inject('mastodon', { status: 503, times: 4 });
    const stored = await upsertMentions(env.database.pool, sourceId, [
      mentionToStore('999', 'a lone post'),
    ]);
    const thread = (
      await env.inject({ method: 'GET', url: `/api/mentions/${stored.insertedIds[0]}/thread` })
    ).json();
    expect(thread.completeness).toBe('stored');
    expect(thread.fetchProblem).toBe('HTTP 503');
    expect(thread.posts).toHaveLength(1);
  });
});
