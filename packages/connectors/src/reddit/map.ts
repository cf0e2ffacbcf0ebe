import type { NormalizedMention } from '@barometer/core';
import { decodeHTML } from 'entities';
import type { RedditComment, RedditPost } from './schema.ts';

const REDDIT = 'https://www.reddit.com';
const GONE = new Set(['[deleted]', '[removed]']);

/** Without raw_json=1 Reddit escapes text (&amp;); decode either way, once. */
const clean = (text: string) => decodeHTML(text);

export function postToMention(post: RedditPost): NormalizedMention {
  const published = new Date(post.created_utc * 1000).toISOString();
  return {
    externalId: post.name,
    url: `${REDDIT}${post.permalink}`,
    author: GONE.has(post.author) ? null : `u/${post.author}`,
    authorId: GONE.has(post.author) ? null : post.author,
    title: clean(post.title),
    text: GONE.has(post.selftext) ? '' : clean(post.selftext),
    html: null,
    publishedAt: published,
    publishedRaw: String(post.created_utc),
    parentExternalId: null,
    rootExternalId: null,
  };
}

/** A comment: parent_id names a t1_ comment or the t3_ post; link_id is always the post. */
export function commentToMention(comment: RedditComment): NormalizedMention {
  const gone = GONE.has(comment.author) && GONE.has(comment.body);
  return {
    externalId: comment.name,
    url: comment.permalink ? `${REDDIT}${comment.permalink}` : null,
    author: GONE.has(comment.author) ? null : `u/${comment.author}`,
    authorId: GONE.has(comment.author) ? null : comment.author,
    title: null,
    text: gone || GONE.has(comment.body) ? '' : clean(comment.body),
    html: null,
    publishedAt: new Date(comment.created_utc * 1000).toISOString(),
    publishedRaw: String(comment.created_utc),
    parentExternalId: comment.parent_id,
    rootExternalId: comment.link_id,
  };
}
