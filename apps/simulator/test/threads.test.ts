import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.ts';
import { atomEntries, rssItems, textOf } from './helpers.ts';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ seed: 21, autoTick: false });
  for (let index = 0; index < 40; index += 1) sim.publish('trust-blog-comments');
});
afterAll(() => sim.close());

test('comments reply to blog posts or to other comments with thr:in-reply-to', async () => {
  const posts = rssItems(await (await fetch(`${sim.url}/feeds/trust-blog.rss`)).text());
  const comments = rssItems(await (await fetch(`${sim.url}/feeds/trust-blog-comments.rss`)).text());
  expect(posts.length).toBeGreaterThan(0);
  expect(comments.length).toBe(40);
  const known = new Set([...posts, ...comments].map((item) => textOf(item.guid)));
  let nested = 0;
  for (const comment of comments) {
    const ref = (comment['thr:in-reply-to'] as { '@_ref': string })['@_ref'];
    expect(known.has(ref)).toBe(true);
    if (ref.includes('trust-blog-comments/')) nested += 1;
  }
  expect(nested).toBeGreaterThan(0);
});

test('blog posts link to their own comment feed with a count that matches it', async () => {
  const posts = rssItems(await (await fetch(`${sim.url}/feeds/trust-blog.rss`)).text());
  for (const post of posts) {
    const commentRss = String(post['wfw:commentRss']);
    expect(commentRss).toMatch(/\/feeds\/trust-blog-comments\.rss\?post=trust-blog-\d+$/);
    const thread = rssItems(await (await fetch(commentRss)).text());
    expect(thread.length).toBe(Number(post['slash:comments']));
  }
  const [entry] = atomEntries(await (await fetch(`${sim.url}/feeds/trust-blog.atom`)).text());
  const links = (entry?.link ?? []) as Record<string, string>[];
  const replies = links.find((l) => l['@_rel'] === 'replies');
  expect(replies?.['@_href']).toMatch(/trust-blog-comments\.atom\?post=/);
});

test('a new comment changes the ETag of the post feed, whose comment count moved', async () => {
  const etag = (await fetch(`${sim.url}/feeds/trust-blog.rss`)).headers.get('etag')!;
  sim.publish('trust-blog-comments', { text: "Will this apply at St Aidan's Community Hospital?" });
  const after = await fetch(`${sim.url}/feeds/trust-blog.rss`, {
    headers: { 'if-none-match': etag },
  });
  expect(after.status).toBe(200);
});
