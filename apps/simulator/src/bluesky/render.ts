import type { SocialAuthor, SocialPost, SocialWorld } from '../social/world.ts';

const encoder = new TextEncoder();

export function didOf(author: SocialAuthor): string {
  let hash = 2166136261;
  for (const char of author.handle) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let id = '';
  for (let i = 0; i < 24; i += 1) {
    hash = Math.imul(hash ^ (hash >>> 13), 0x5bd1e995) >>> 0;
    id += alphabet[hash % 32];
  }
  return `did:plc:${id}`;
}

export function handleOf(author: SocialAuthor): string {
  return author.handle.includes('.') ? author.handle : `${author.handle.toLowerCase()}.bsky.social`;
}

export function uriOf(post: SocialPost): string {
  return `at://${didOf(post.author)}/app.bsky.feed.post/${post.id}`;
}

/**
 * The record as the author's client wrote it: long links shortened in the text with the full
 * target in a link facet, hashtags and @mentions as facets, offsets in UTF-8 bytes.
 */
export function recordOf(post: SocialPost, world: SocialWorld): Record<string, unknown> {
  const facets: unknown[] = [];
  let text = '';
  const pattern = /(https?:\/\/[^\s]+)|(#[\p{L}\p{N}_]+)|(@[\w.]+)/gu;
  let at = 0;
  for (const match of post.text.matchAll(pattern)) {
    text += post.text.slice(at, match.index);
    const [whole, link, tag, mention] = match;
    const label = link ? shorten(link) : whole;
    const byteStart = encoder.encode(text).length;
    text += label;
    const byteEnd = encoder.encode(text).length;
    const feature = link
      ? { $type: 'app.bsky.richtext.facet#link', uri: link }
      : tag
        ? { $type: 'app.bsky.richtext.facet#tag', tag: tag.slice(1) }
        : {
            $type: 'app.bsky.richtext.facet#mention',
            did: `did:plc:${mention!.slice(1).toLowerCase()}`,
          };
    facets.push({ index: { byteStart, byteEnd }, features: [feature] });
    at = (match.index ?? 0) + whole.length;
  }
  text += post.text.slice(at);
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    createdAt: post.createdAt.toISOString(),
    langs: ['en'],
    text,
  };
  if (facets.length > 0) record.facets = facets;
  const parent = post.parentId ? world.find(post.parentId) : undefined;
  const root = post.rootId ? world.find(post.rootId) : undefined;
  if (parent && root) {
    record.reply = {
      root: { uri: uriOf(root), cid: cidOf(root) },
      parent: { uri: uriOf(parent), cid: cidOf(parent) },
    };
  }
  return record;
}

function shorten(link: string): string {
  const bare = link.replace(/^https?:\/\//, '');
  return bare.length > 28 ? `${bare.slice(0, 25)}...` : bare;
}

export function cidOf(post: SocialPost): string {
  return `bafyrei${post.id.padEnd(20, 'a')}${post.editedAt ? 'e' : ''}`;
}

export function postView(post: SocialPost, world: SocialWorld): Record<string, unknown> {
  return {
    uri: uriOf(post),
    cid: cidOf(post),
    author: {
      did: didOf(post.author),
      handle: handleOf(post.author),
      displayName: post.author.displayName,
      labels: [],
    },
    record: recordOf(post, world),
    replyCount: world.replies(post.id).length,
    repostCount: 0,
    likeCount: Number(post.extra.likes ?? 0),
    quoteCount: 0,
    bookmarkCount: 0,
    indexedAt: post.createdAt.toISOString(),
    labels: [],
  };
}
