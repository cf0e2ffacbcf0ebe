import { REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET, type Simulator } from '@barometer/simulator';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { redditConnector } from '../../src/reddit/reddit-connector.ts';
import { memorySessionStore } from '../../src/social/memory-sessions.ts';
import { connectorError } from '../support/poll.ts';
import { LOOPBACK_POLICY, quietSimulator, socialSource } from './support.ts';

let sim: Simulator;
let base: string;
beforeEach(async () => {
  sim = await quietSimulator();
  base = `${sim.url}/reddit`;
});
afterEach(() => sim.close());

const CREDENTIAL = `${REDDIT_CLIENT_ID}:${REDDIT_CLIENT_SECRET}`;
const source = (query = 'Northfield General', credential: string | null = CREDENTIAL) =>
  socialSource('reddit', base, query, credential);
const posts = (n: number, subreddit = 'northfield') =>
  Array.from({ length: n }, (_, i) =>
    sim.social.reddit.post({
      author: { id: `a${i}`, handle: `user${i}`, displayName: `user${i}` },
      text: `Northfield General & parking ${i}`,
      html: '',
      title: `A&E at Northfield General ${i}`,
      subreddit,
    }),
  );

describe('Reddit search', () => {
  test('pages the listing by `after` to the end with one app-only token and a proper user agent', async () => {
    posts(250);
    const sessions = memorySessionStore();
    const result = await redditConnector.poll(source(), LOOPBACK_POLICY, {
      maxItems: 1000,
      sessions,
    });
    expect(result.status === 'ok' && result.mentions.length).toBe(250);
    const searches = sim.social.requests.all().filter((r) => r.path.endsWith('/search'));
    expect(searches.map((r) => r.query.after?.[0] ?? null).filter(Boolean)).toHaveLength(2);
    expect(searches.every((r) => /\(by \/u\/\w+\)$/.test(String(r.headers['user-agent'])))).toBe(
      true,
    );
    expect(sim.social.requests.all().filter((r) => r.path.endsWith('access_token'))).toHaveLength(
      1,
    );
    const first = result.status === 'ok' ? result.mentions[0] : undefined;
    expect(first?.title).toBe('A&E at Northfield General 249');
    expect(first?.externalId).toMatch(/^t3_/);
  });

  test('subreddit searches stay inside the chosen subreddits', async () => {
    posts(2, 'northfield');
    posts(3, 'unitedkingdom');
    const result = await redditConnector.poll(source('r/northfield Northfield'), LOOPBACK_POLICY, {
      sessions: memorySessionStore(),
    });
    expect(result.status === 'ok' && result.mentions.length).toBe(2);
    expect(
      sim.social.requests
        .all()
        .some(
          (r) => r.path === '/reddit/oauth/r/northfield/search' && r.query.restrict_sr?.[0] === '1',
        ),
    ).toBe(true);
  });

  test('an expired token is replaced once; bad app credentials are reported plainly', async () => {
    posts(1);
    const sessions = memorySessionStore();
    await redditConnector.poll(source(), LOOPBACK_POLICY, { sessions });
    sim.social.reddit.expireTokens();
    const again = await redditConnector.poll(source(), LOOPBACK_POLICY, { sessions });
    expect(again.status === 'ok' && again.mentions.length).toBe(1);
    expect(sim.social.requests.all().filter((r) => r.path.endsWith('access_token'))).toHaveLength(
      2,
    );
    const bad = await connectorError(
      redditConnector.poll(source('x', `${REDDIT_CLIENT_ID}:nope`), LOOPBACK_POLICY, {
        sessions: memorySessionStore(),
      }),
    );
    expect(bad.code).toBe('bad-credentials');
    const none = await connectorError(redditConnector.poll(source('x', null), LOOPBACK_POLICY));
    expect(none.code).toBe('credentials-needed');
  });

  test('an exhausted budget answers 429 and the reset seconds set the wait', async () => {
    posts(1);
    sim.social.reddit.setBudget(0);
    const error = await connectorError(
      redditConnector.poll(source(), LOOPBACK_POLICY, { sessions: memorySessionStore() }),
    );
    expect(error.code).toBe('http-429');
    expect(error.retryAfterSeconds).toBeGreaterThan(500);
  });

  test('paging stops when the remaining budget is nearly gone', async () => {
    posts(350);
    sim.social.reddit.setBudget(3);
    const result = await redditConnector.poll(source(), LOOPBACK_POLICY, {
      maxItems: 1000,
      sessions: memorySessionStore(),
    });
    expect(result.status === 'ok' && result.mentions.length).toBe(200);
    expect(result.status === 'ok' && result.cache.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('Reddit comment trees', () => {
  test('nested replies, empty-string replies, more stubs and removed comments become one flat thread', async () => {
    const [post] = posts(1);
    const who = (h: string) => ({ id: h, handle: h, displayName: h });
    const top = Array.from({ length: 7 }, (_, i) =>
      sim.social.reddit.post({
        author: who(`c${i}`),
        text: `comment ${i}`,
        html: '',
        parentId: post!.id,
      }),
    );
    const nested = sim.social.reddit.post({
      author: who('n'),
      text: 'nested &amp; reply',
      html: '',
      parentId: top[0]!.id,
    });
    const removed = sim.social.reddit.post({
      author: who('r'),
      text: 'rude',
      html: '',
      parentId: nested.id,
    });
    sim.social.world('reddit').remove(removed.id);
    const thread = await redditConnector.thread!(source(), `t3_${post!.id}`, LOOPBACK_POLICY, {
      sessions: memorySessionStore(),
    });
    expect(thread[0]?.externalId).toBe(`t3_${post!.id}`);
    const ids = thread.map((m) => m.externalId);
    for (const comment of top) expect(ids).toContain(`t1_${comment.id}`);
    expect(thread.find((m) => m.externalId === `t1_${nested.id}`)).toMatchObject({
      parentExternalId: `t1_${top[0]!.id}`,
      rootExternalId: `t3_${post!.id}`,
    });
    expect(thread.find((m) => m.externalId === `t1_${removed.id}`)).toMatchObject({
      author: null,
      text: '',
    });
    expect(sim.social.requests.all().some((r) => r.path.endsWith('/api/morechildren'))).toBe(true);
  });
});
