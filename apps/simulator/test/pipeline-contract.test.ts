import { parseFeed } from '@barometer/connectors';
import { mentionMatchText, mentionsTrust, TrustProfile } from '@barometer/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadScenario, type Simulator, startSimulator } from '../src/index.ts';

// What the pipeline will make of these feeds: the connectors' own parser and the core relevance
// filter, run over real HTTP responses. If either side drifts, this is where it shows.
const { trust } = loadScenario('demo').content;
const profile = TrustProfile.parse({
  name: trust.name,
  aliases: trust.aliases,
  handles: trust.handles,
  hashtags: trust.hashtags,
  sites: [trust.site],
});

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 17, startWith: 200, autoTick: false });
});
afterAll(() => sim.close());

async function parsed(url: string) {
  const response = await fetch(url);
  const body = new Uint8Array(await response.arrayBuffer());
  return parseFeed(body, {
    contentType: response.headers.get('content-type'),
    url,
    now: Date.now(),
  });
}

test('the connectors parse every feed in both formats to the items served, with their guids', async () => {
  for (const feed of sim.feeds) {
    const served = sim.items(feed.name).slice(0, 50);
    for (const format of ['rss', 'atom'] as const) {
      const result = await parsed(`${sim.url}/feeds/${feed.name}.${format}`);
      expect(result.format, feed.name).toBe(format);
      expect(result.items.map((item) => item.externalId)).toEqual(served.map((item) => item.guid));
    }
  }
});

test('the relevance filter keeps exactly the items that mention the trust', async () => {
  let dropped = 0;
  for (const feed of sim.feeds) {
    const byGuid = new Map(sim.items(feed.name).map((item) => [item.guid, item]));
    for (const mention of (await parsed(feed.url)).items) {
      const expected = byGuid.get(mention.externalId)!.mentionsTrust;
      expect(mentionsTrust(mentionMatchText(mention), profile), mention.text).toBe(expected);
      if (!expected) dropped += 1;
    }
  }
  expect(dropped).toBeGreaterThan(0);
});

test('comments reach the pipeline with their parent, and posts with their comment feed', async () => {
  const comments = await parsed(`${sim.url}/feeds/trust-blog-comments.rss`);
  const served = new Map(sim.items('trust-blog-comments').map((item) => [item.guid, item]));
  for (const mention of comments.items) {
    expect(mention.parentExternalId).toBe(served.get(mention.externalId)?.inReplyTo?.guid);
  }
  const posts = await parsed(`${sim.url}/feeds/trust-blog.rss`);
  expect(posts.commentFeeds?.length).toBe(posts.items.length);
});
