import { MASTODON_TOKEN, type Simulator } from '@barometer/simulator';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mastodonConnector } from '../../src/mastodon/mastodon-connector.ts';
import { mastodonStreamConnector } from '../../src/mastodon/stream.ts';
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
  base = `${sim.url}/mastodon`;
});
afterEach(() => sim.close());

const author = (handle: string) => handle;
const tagged = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    sim.social.publish('mastodon', {
      text: `Post ${i} about #NorthfieldGeneral`,
      author: author(`pat${i}`),
    }),
  );

describe('Mastodon hashtag timeline', () => {
  test('pages through the Link header to the end and keeps string ids beyond 2^53', async () => {
    const posts = tagged(95);
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
      { maxItems: 500 },
    );
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.mentions).toHaveLength(95);
    expect(new Set(result.mentions.map((m) => m.externalId))).toEqual(
      new Set(posts.map((p) => p.id)),
    );
    expect(BigInt(result.cursor!)).toBe(BigInt(posts.at(-1)!.id));
    expect(BigInt(result.cursor!) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const pages = sim.social.requests.all().filter((r) => r.path.includes('/timelines/tag/'));
    expect(pages.length).toBe(4); // 40 + 40 + 15 + an empty page
  });

  test('a later poll asks only for what came after the cursor', async () => {
    tagged(3);
    const first = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
    );
    const cursor = first.status === 'ok' ? first.cursor! : '';
    const later = tagged(2);
    const second = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral', null, cursor),
      LOOPBACK_POLICY,
    );
    expect(second.status === 'ok' && second.mentions.map((m) => m.externalId).sort()).toEqual(
      later.map((p) => p.id).sort(),
    );
    const asked = sim.social.requests.all().filter((r) => r.query.min_id?.[0] === cursor);
    expect(asked.length).toBe(1);
  });

  test('a boost resolves to the original post, never a second mention', async () => {
    const [original] = tagged(1);
    sim.social.mastodon.boost(original!.id, 'fan');
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
    );
    expect(result.status === 'ok' && result.mentions.map((m) => m.externalId)).toEqual([
      original!.id,
    ]);
  });

  test('replies name their parent and the text is plain while the html stays sanitised', async () => {
    const [root] = tagged(1);
    const reply = sim.social.publish('mastodon', {
      text: 'Same for me at #NorthfieldGeneral <script>x</script>',
      replyTo: root!.id,
    });
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
    );
    const found =
      result.status === 'ok' ? result.mentions.find((m) => m.externalId === reply.id) : undefined;
    expect(found).toMatchObject({ parentExternalId: root!.id, rootExternalId: root!.id });
    expect(found?.html).not.toContain('<script');
    expect(found?.text).toContain('Same for me');
  });

  test('an edit comes back as the same id with the new text', async () => {
    const [post] = tagged(1);
    sim.social
      .world('mastodon')
      .edit(post!.id, 'Edited: parking at #NorthfieldGeneral is fine now');
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
    );
    expect(result.status === 'ok' && result.mentions[0]).toMatchObject({
      externalId: post!.id,
      text: expect.stringContaining('Edited'),
    });
  });
});

describe('Mastodon limits and credentials', () => {
  test('a 429 without Retry-After is retried after the X-RateLimit-Reset time', async () => {
    tagged(2);
    sim.social.mastodon.setRateLimit(0);
    const error = await connectorError(
      mastodonConnector.poll(socialSource('mastodon', base, '#NorthfieldGeneral'), LOOPBACK_POLICY),
    );
    expect(error.code).toBe('http-429');
    expect(error.retryAfterSeconds).toBeGreaterThan(60);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(301);
  });

  test('paging stops while only a few requests are left, and the reset sets the next poll', async () => {
    tagged(200);
    // 7 per window: the first page is counted as a plain request, the rest as paging ones.
    sim.social.mastodon.setRateLimit(7);
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '#NorthfieldGeneral'),
      LOOPBACK_POLICY,
      { maxItems: 500 },
    );
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.mentions.length).toBe(120);
    expect(result.warnings.join(' ')).toMatch(/rate-limit window/);
    expect(result.cache.retryAfterSeconds).toBeGreaterThan(0);
  });

  test('search needs a token, and a bad token is reported as such', async () => {
    tagged(2);
    const withoutToken = await mastodonConnector.poll(
      socialSource('mastodon', base, 'parking'),
      LOOPBACK_POLICY,
    );
    expect(withoutToken.status === 'ok' && withoutToken.mentions).toEqual([]);
    const withToken = await mastodonConnector.poll(
      socialSource('mastodon', base, 'Post 1', MASTODON_TOKEN),
      LOOPBACK_POLICY,
    );
    expect(withToken.status === 'ok' && withToken.mentions.length).toBe(1);
    const bad = await connectorError(
      mastodonConnector.poll(socialSource('mastodon', base, 'Post', 'wrong'), LOOPBACK_POLICY),
    );
    expect(bad.code).toBe('bad-credentials');
    expect(bad.message).not.toContain('wrong');
  });

  test('an instance that closed public previews asks for a token in plain words', async () => {
    sim.social.mastodon.setRestricted(true);
    const error = await connectorError(
      mastodonConnector.poll(socialSource('mastodon', base, '#NorthfieldGeneral'), LOOPBACK_POLICY),
    );
    expect(error.code).toBe('credentials-needed');
  });

  test("the trust account's mentions come from its notifications", async () => {
    sim.social.publish('mastodon', { text: 'Thank you @NorthfieldNHS for the care' });
    sim.social.publish('mastodon', { text: 'Nothing to do with the hospital' });
    const result = await mastodonConnector.poll(
      socialSource('mastodon', base, '@mentions', MASTODON_TOKEN),
      LOOPBACK_POLICY,
    );
    expect(result.status === 'ok' && result.mentions.map((m) => m.text)).toEqual([
      'Thank you @NorthfieldNHS for the care',
    ]);
  });
});

describe('Mastodon threads', () => {
  test('the context gives ancestors and replies with the real root', async () => {
    const [root] = tagged(1);
    const middle = sim.social.publish('mastodon', { text: 'reply one', replyTo: root!.id });
    const leaf = sim.social.publish('mastodon', { text: 'reply two', replyTo: middle.id });
    const sibling = sim.social.publish('mastodon', { text: 'reply three', replyTo: root!.id });
    const thread = await mastodonConnector.thread!(
      socialSource('mastodon', base, '#x'),
      middle.id,
      LOOPBACK_POLICY,
    );
    expect(thread.map((m) => m.externalId)).toEqual([root!.id, middle.id, leaf.id]);
    expect(thread.find((m) => m.externalId === leaf.id)).toMatchObject({
      parentExternalId: middle.id,
      rootExternalId: root!.id,
    });
    expect(thread.some((m) => m.externalId === sibling.id)).toBe(false);
  });

  test('a deleted post answers 404', async () => {
    const [post] = tagged(1);
    sim.social.world('mastodon').remove(post!.id);
    const error = await connectorError(
      mastodonConnector.thread!(socialSource('mastodon', base, '#x'), post!.id, LOOPBACK_POLICY),
    );
    expect(error.code).toBe('http-404');
  });
});

describe('Mastodon streaming', () => {
  test('a dropped stream resumes from its cursor with no gap and no duplicate', async () => {
    const before = tagged(2);
    const recorder = recordingSink();
    const handle = mastodonStreamConnector.start(
      {
        ...socialSource('mastodon', base, '#NorthfieldGeneral', MASTODON_TOKEN),
        cursor: before[0]!.id,
      },
      LOOPBACK_POLICY,
      recorder.sink,
      { reconnect: { initialMs: 20, maxMs: 50 } },
    );
    try {
      await eventually(
        () => recorder.health.some((h) => h.status === 'connected'),
        'the stream to connect',
      );
      expect(recorder.mentions.map((m) => m.externalId)).toEqual([before[1]!.id]); // caught up past the cursor
      const live = sim.social.publish('mastodon', { text: 'live #NorthfieldGeneral' });
      await eventually(
        () => recorder.mentions.some((m) => m.externalId === live.id),
        'the live post',
      );
      sim.social.mastodon.dropStreams();
      const inGap = sim.social.publish('mastodon', { text: 'while away #NorthfieldGeneral' });
      await eventually(
        () => recorder.mentions.some((m) => m.externalId === inGap.id),
        'the post made during the gap',
      );
      const afterGap = sim.social.publish('mastodon', { text: 'back #NorthfieldGeneral' });
      await eventually(
        () => recorder.mentions.some((m) => m.externalId === afterGap.id),
        'the post after reconnecting',
      );
      const ids = recorder.mentions.map((m) => m.externalId);
      expect(ids).toEqual([before[1]!.id, live.id, inGap.id, afterGap.id]);
      expect(recorder.health.some((h) => h.status === 'reconnecting')).toBe(true);
      expect(recorder.cursors.at(-1)).toBe(afterGap.id);
    } finally {
      await handle.stop();
    }
  });

  test('edits and deletions arrive on the stream', async () => {
    const recorder = recordingSink();
    const handle = mastodonStreamConnector.start(
      { ...socialSource('mastodon', base, '#NorthfieldGeneral', MASTODON_TOKEN), cursor: null },
      LOOPBACK_POLICY,
      recorder.sink,
    );
    try {
      await eventually(
        () => recorder.health.some((h) => h.status === 'connected'),
        'the stream to connect',
      );
      const post = sim.social.publish('mastodon', { text: 'first #NorthfieldGeneral' });
      await eventually(() => recorder.mentions.length === 1, 'the new post');
      sim.social.world('mastodon').edit(post.id, 'changed #NorthfieldGeneral');
      await eventually(() => recorder.mentions.length === 2, 'the edit');
      expect(recorder.mentions[1]).toMatchObject({
        externalId: post.id,
        text: 'changed #NorthfieldGeneral',
      });
      sim.social.world('mastodon').remove(post.id);
      await eventually(() => recorder.deleted.length === 1, 'the deletion');
      expect(recorder.deleted).toEqual([post.id]);
    } finally {
      await handle.stop();
    }
  });

  test('a refused token is reported and retried, not crashed on', async () => {
    const recorder = recordingSink();
    const handle = mastodonStreamConnector.start(
      { ...socialSource('mastodon', base, '#NorthfieldGeneral', 'expired'), cursor: null },
      LOOPBACK_POLICY,
      recorder.sink,
      { reconnect: { initialMs: 10, maxMs: 20 } },
    );
    try {
      await eventually(
        () => recorder.health.some((h) => h.status === 'reconnecting'),
        'a reconnect',
      );
      const first = recorder.health.find((h) => h.status === 'reconnecting');
      expect(first && 'reason' in first && first.reason).toMatch(/credentials were refused/);
    } finally {
      await handle.stop();
    }
  });
});
