import type { NormalizedMention } from '@barometer/core';
import { type RedditApi, redditGet } from './client.ts';
import { commentToMention, postToMention } from './map.ts';
import {
  CommentsResponse,
  Listing,
  MoreChildrenResponse,
  RedditComment,
  RedditPost,
  Thing,
} from './schema.ts';

export const THREAD_LIMITS = { comments: 500, moreRequests: 3, moreIds: 100 };

/**
 * A post and its comment tree, flattened (each comment names its parent): nested `replies`
 * listings (or "" for none) are walked, `more` stubs are expanded through /api/morechildren a
 * bounded number of times, and "continue this thread" stubs (count 0) are left alone.
 */
export async function fetchRedditThread(
  api: RedditApi,
  externalId: string,
): Promise<NormalizedMention[]> {
  const postId = await postIdOf(api, externalId);
  const { data } = await redditGet(
    api,
    `/comments/${encodeURIComponent(postId)}?sort=new&limit=500&depth=10&raw_json=1`,
    CommentsResponse,
    'the comments',
  );
  const out: NormalizedMention[] = [];
  const more: string[] = [];
  for (const child of data[0].data.children) {
    const post = child.kind === 't3' ? RedditPost.safeParse(child.data) : null;
    if (post?.success) out.push(postToMention(post.data));
  }
  const walk = (children: readonly unknown[]) => {
    for (const raw of children) {
      const thing = Thing.safeParse(raw);
      if (!thing.success || out.length >= THREAD_LIMITS.comments) continue;
      if (thing.data.kind === 'more') {
        more.push(...thing.data.data.children);
        continue;
      }
      if (thing.data.kind !== 't1') continue;
      out.push(commentToMention(thing.data.data));
      const replies = Listing.safeParse(thing.data.data.replies);
      if (replies.success) walk(replies.data.data.children);
    }
  };
  walk(data[1].data.children);
  for (
    let i = 0;
    i < THREAD_LIMITS.moreRequests && more.length > 0 && out.length < THREAD_LIMITS.comments;
    i++
  ) {
    const ids = more.splice(0, THREAD_LIMITS.moreIds);
    const params = new URLSearchParams({
      api_type: 'json',
      link_id: `t3_${postId}`,
      children: ids.join(','),
      raw_json: '1',
    });
    const expanded = await redditGet(
      api,
      `/api/morechildren?${params}`,
      MoreChildrenResponse,
      'more comments',
    );
    for (const raw of expanded.data.json.data?.things ?? []) {
      const thing = Thing.safeParse(raw);
      if (thing.success && thing.data.kind === 'more') more.push(...thing.data.data.children);
      else if (thing.success && thing.data.kind === 't1')
        out.push(commentToMention(RedditComment.parse(thing.data.data)));
    }
  }
  return out;
}

async function postIdOf(api: RedditApi, externalId: string): Promise<string> {
  if (externalId.startsWith('t3_')) return externalId.slice(3);
  const { data } = await redditGet(
    api,
    `/api/info?id=${encodeURIComponent(externalId)}&raw_json=1`,
    Listing,
    'the comment',
  );
  const comment = data.data.children
    .map((c) => RedditComment.safeParse(c.data))
    .find((c) => c.success);
  if (!comment?.success) throw new Error(`reddit item ${externalId} was not found`);
  return comment.data.link_id.slice(3);
}
