import { BLUESKY_APP_PASSWORD, BLUESKY_HANDLE, type Simulator } from '@barometer/simulator';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { blueskyConnector } from '../../src/bluesky/bluesky-connector.ts';
import { jetstreamConnector } from '../../src/bluesky/jetstream.ts';
import { renderRichText } from '../../src/bluesky/map-post.ts';
import { memorySessionStore } from '../../src/social/memory-sessions.ts';
import { connectorError } from '../support/poll.ts';
import {
  eventually,
  LOOPBACK_POLICY,
  quietSimulator,
  recordingSink,
  socialSource,
} from './support.ts';

let sim: Simulator;
let base: string;
beforeEach(async () => {
  sim = await quietSimulator();
  base = `${sim.url}/bsky`;
});
afterEach(() => sim.close());

const CREDENTIAL = `${BLUESKY_HANDLE}:${BLUESKY_APP_PASSWORD}`;
const source = (query = 'Northfield General', credential: string | null = CREDENTIAL) =>
  socialSource('bluesky', base, query, credential);

describe('Bluesky search', () => {
  test('pages searchPosts to the end through one app-password session', async () => {
    for (let i = 0; i < 230; i += 1)
      sim.social.publish('bluesky', { text: `Northfield General visit ${i}` });
    sim.social.publish('bluesky', { text: 'something else entirely' });
    const sessions = memorySessionStore();
    const result = await blueskyConnector.poll(source(), LOOPBACK_POLICY, {
      maxItems: 1000,
      sessions,
    });
    expect(result.status === 'ok' && result.mentions.length).toBe(230);
    const pages = sim.social.requests.all().filter((r) => r.path.endsWith('searchPosts'));
    expect(pages.map((p) => p.query.cursor?.[0] ?? null)).toEqual([null, '100', '200']);
    await blueskyConnector.poll(source(), LOOPBACK_POLICY, { sessions });
    expect(sim.social.bluesky.logins()).toBe(1);
  });

  test('an expired access token is refreshed and the call retried once', async () => {
    sim.social.publish('bluesky', { text: 'Northfield General was great' });
    const sessions = memorySessionStore();
    await blueskyConnector.poll(source(), LOOPBACK_POLICY, { sessions });
    sim.social.bluesky.expireAccessTokens();
    const result = await blueskyConnector.poll(source(), LOOPBACK_POLICY, { sessions });
    expect(result.status === 'ok' && result.mentions.length).toBe(1);
    expect(sim.social.requests.all().filter((r) => r.path.endsWith('refreshSession'))).toHaveLength(
      1,
    );
    expect(sim.social.bluesky.logins()).toBe(1);
  });

  test('a wrong app password is reported plainly and logins are capped', async () => {
    const sessions = memorySessionStore();
    const bad = `${BLUESKY_HANDLE}:wrong-password`;
    const first = await connectorError(
      blueskyConnector.poll(source('x', bad), LOOPBACK_POLICY, { sessions }),
    );
    expect(first.code).toBe('bad-credentials');
    expect(first.message).not.toContain('wrong-password');
    for (let i = 0; i < 6; i += 1)
      await connectorError(blueskyConnector.poll(source('x', bad), LOOPBACK_POLICY, { sessions }));
    const capped = await connectorError(
      blueskyConnector.poll(source('x', bad), LOOPBACK_POLICY, { sessions }),
    );
    expect(capped.code).toBe('http-429');
    expect(sim.social.bluesky.logins()).toBe(5);
  });

  test('without credentials the public 403 page becomes "credentials needed"', async () => {
    const error = await connectorError(blueskyConnector.poll(source('x', null), LOOPBACK_POLICY));
    expect(error.code).toBe('credentials-needed');
  });

  test('a 429 carries the RateLimit-Reset epoch as a wait', async () => {
    const reset = Math.ceil(Date.now() / 1000) + 120;
    sim.social.faults.inject('bluesky', {
      status: 429,
      pathIncludes: 'searchPosts',
      body: '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}',
      headers: {
        'RateLimit-Limit': '3000',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': String(reset),
        'RateLimit-Policy': '3000;w=300',
      },
    });
    const error = await connectorError(
      blueskyConnector.poll(source(), LOOPBACK_POLICY, { sessions: memorySessionStore() }),
    );
    expect(error.code).toBe('http-429');
    expect(error.retryAfterSeconds).toBeGreaterThan(100);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(121);
  });

  test('reply refs become parent and root, facets become links', async () => {
    const root = sim.social.publish('bluesky', { text: 'Northfield General A&E tonight' });
    const reply = sim.social.publish('bluesky', {
      text: 'Northfield General 🙂 see https://northfield-nhs.example/visiting-times-and-parking-rules',
      replyTo: root.id,
    });
    const result = await blueskyConnector.poll(source(), LOOPBACK_POLICY, {
      sessions: memorySessionStore(),
    });
    const mention =
      result.status === 'ok'
        ? result.mentions.find((m) => m.externalId.endsWith(reply.id))
        : undefined;
    expect(mention?.parentExternalId).toMatch(new RegExp(`${root.id}$`));
    expect(mention?.rootExternalId).toBe(mention?.parentExternalId);
    expect(mention?.html).toContain(
      'href="https://northfield-nhs.example/visiting-times-and-parking-rules"',
    );
    expect(mention?.text).toContain(
      'https://northfield-nhs.example/visiting-times-and-parking-rules',
    );
  });
});

describe('Bluesky rich text', () => {
  test('facet offsets are UTF-8 bytes, not string indexes', () => {
    const text = 'café 🙂 link';
    const start = new TextEncoder().encode('café 🙂 ').length;
    const { html } = renderRichText(text, [
      {
        index: { byteStart: start, byteEnd: start + 4 },
        features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example/' }],
      },
    ]);
    expect(html).toBe('<p>café 🙂 <a href="https://a.example/">link</a></p>');
  });
});

describe('Bluesky threads', () => {
  test('getPostThread gives ancestors, the post and its replies, skipping deleted ones', async () => {
    const root = sim.social.publish('bluesky', { text: 'root' });
    const middle = sim.social.publish('bluesky', { text: 'middle', replyTo: root.id });
    const leaf = sim.social.publish('bluesky', { text: 'leaf', replyTo: middle.id });
    const gone = sim.social.publish('bluesky', { text: 'gone', replyTo: middle.id });
    sim.social.world('bluesky').remove(gone.id);
    const result = await blueskyConnector.poll(source('middle'), LOOPBACK_POLICY, {
      sessions: memorySessionStore(),
    });
    const uri = result.status === 'ok' ? result.mentions[0]!.externalId : '';
    const thread = await blueskyConnector.thread!(source('x', null), uri, LOOPBACK_POLICY);
    expect(thread.map((m) => m.text)).toEqual(['root', 'middle', 'leaf']);
    expect(thread[2]?.externalId).toMatch(new RegExp(`${leaf.id}$`));
  });
});

describe('Jetstream', () => {
  test('keeps only matching posts, reports deletions, and resumes after a drop with no gap', async () => {
    const recorder = recordingSink();
    const matches = (text: string) => text.toLowerCase().includes('northfield');
    const handle = jetstreamConnector.start(
      { ...socialSource('jetstream', base, ''), cursor: null },
      LOOPBACK_POLICY,
      recorder.sink,
      { matches, reconnect: { initialMs: 20, maxMs: 50 } },
    );
    try {
      await eventually(
        () => recorder.health.some((h) => h.status === 'connected'),
        'the stream to connect',
      );
      const first = sim.social.publish('bluesky', { text: 'Northfield parking again' });
      sim.social.publish('bluesky', { text: 'my cat is asleep' });
      await eventually(() => recorder.mentions.length === 1, 'the matching post');
      await eventually(() => recorder.cursors.length > 0, 'a cursor');
      sim.social.bluesky.jetstream.dropAll();
      const inGap = sim.social.publish('bluesky', { text: 'Northfield during the gap' });
      await eventually(() => recorder.mentions.length === 2, 'the post from the gap');
      sim.social.world('bluesky').remove(first.id);
      await eventually(() => recorder.deleted.length === 1, 'the deletion');
      expect(recorder.mentions.map((m) => m.text)).toEqual([
        'Northfield parking again',
        'Northfield during the gap',
      ]);
      expect(recorder.mentions[1]?.externalId).toMatch(new RegExp(`${inGap.id}$`));
      expect(recorder.deleted[0]).toBe(recorder.mentions[0]?.externalId);
    } finally {
      await handle.stop();
    }
  });

  test('a restart resumes a few seconds before the stored cursor and repeats nothing', async () => {
    sim.social.publish('bluesky', { text: 'Northfield one' });
    const cursor = String(sim.social.bluesky.jetstream.lastTimeUs());
    sim.social.publish('bluesky', { text: 'Northfield two' });
    const recorder = recordingSink();
    const handle = jetstreamConnector.start(
      { ...socialSource('jetstream', base, ''), cursor },
      LOOPBACK_POLICY,
      recorder.sink,
      { matches: (t) => t.includes('Northfield') },
    );
    try {
      await eventually(() => recorder.mentions.length >= 2, 'the replayed posts');
      // 5 s back from the cursor: "one" (at the cursor) comes again, once; "two" follows.
      expect(recorder.mentions.map((m) => m.text)).toEqual(['Northfield one', 'Northfield two']);
    } finally {
      await handle.stop();
    }
  });
});
