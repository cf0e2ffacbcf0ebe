import type { SocialPost, SocialWorld } from '../social/world.ts';

export const fullname = (post: SocialPost) => `${post.parentId ? 't1' : 't3'}_${post.id}`;
const seconds = (date: Date) => date.getTime() / 1000;
const escapeText = (text: string, raw: boolean) =>
  raw ? text : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderLink(post: SocialPost, world: SocialWorld, raw: boolean) {
  const sub = String(post.extra.subreddit ?? 'northfield');
  const slug = (post.title ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40);
  const permalink = `/r/${sub}/comments/${post.id}/${slug}/`;
  return {
    kind: 't3',
    data: {
      id: post.id,
      name: `t3_${post.id}`,
      subreddit: sub,
      title: escapeText(post.title ?? post.text.slice(0, 80), raw),
      selftext: post.deletedAt ? '[removed]' : escapeText(post.text, raw),
      author: post.deletedAt ? '[deleted]' : post.author.handle,
      created_utc: seconds(post.createdAt),
      permalink,
      url: `https://www.reddit.com${permalink}`,
      num_comments: descendants(post, world),
      score: 10,
      upvote_ratio: 0.95,
      over_18: false,
      link_flair_text: null,
      removed_by_category: post.deletedAt ? 'moderator' : null,
      stickied: false,
      locked: false,
    },
  };
}

export function renderComment(
  post: SocialPost,
  world: SocialWorld,
  raw: boolean,
  depth: number,
  replies: unknown,
) {
  const root = world.find(post.rootId ?? '') ?? post;
  const parent = post.parentId ? world.find(post.parentId) : undefined;
  return {
    kind: 't1',
    data: {
      id: post.id,
      name: `t1_${post.id}`,
      parent_id: parent ? fullname(parent) : `t3_${root.id}`,
      link_id: `t3_${root.id}`,
      depth,
      author: post.deletedAt ? '[deleted]' : post.author.handle,
      body: post.deletedAt ? '[removed]' : escapeText(post.text, raw),
      created_utc: seconds(post.createdAt),
      permalink: `/r/${String(root.extra.subreddit ?? 'northfield')}/comments/${root.id}/_/${post.id}/`,
      score: 1,
      edited: post.editedAt ? seconds(post.editedAt) : false,
      is_submitter: false,
      stickied: false,
      distinguished: null,
      replies,
    },
  };
}

function descendants(post: SocialPost, world: SocialWorld): number {
  return world.replies(post.id).reduce((n, reply) => n + 1 + descendants(reply, world), 0);
}

export function listing(children: unknown[], after: string | null = null) {
  return { kind: 'Listing', data: { after, before: null, dist: children.length, children } };
}
