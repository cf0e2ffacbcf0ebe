import type { SocialPost, SocialWorld } from '../social/world.ts';

export const MASTODON_HOST = 'https://social.example';

/** A post as Mastodon's Status entity (ids are strings longer than 2^53). */
export function renderStatus(post: SocialPost, world: SocialWorld): Record<string, unknown> {
  const original = post.boostOf ? world.find(post.boostOf) : undefined;
  const handle = post.author.handle.replace(/^@/, '');
  const parent = post.parentId ? world.find(post.parentId) : undefined;
  return {
    id: post.id,
    created_at: post.createdAt.toISOString(),
    in_reply_to_id: post.parentId ?? null,
    in_reply_to_account_id: parent?.author.id ?? null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'en',
    uri: `${MASTODON_HOST}/users/${handle}/statuses/${post.id}`,
    url: `${MASTODON_HOST}/@${handle}/${post.id}`,
    replies_count: world.replies(post.id).length,
    reblogs_count: 0,
    favourites_count: Number(post.extra.favourites ?? 0),
    quotes_count: 0,
    edited_at: post.editedAt?.toISOString() ?? null,
    content: original ? '' : post.html,
    reblog: original ? renderStatus(original, world) : null,
    account: {
      id: post.author.id,
      username: handle,
      acct: handle,
      display_name: post.author.displayName,
      bot: false,
      url: `${MASTODON_HOST}/@${handle}`,
      indexable: true,
    },
    media_attachments: [],
    mentions: [],
    tags: post.tags.map((name) => ({ name, url: `${MASTODON_HOST}/tags/${name}` })),
    card: null,
    poll: null,
    quote: null,
  };
}

export function hashtagsOf(text: string): string[] {
  return [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!.toLowerCase());
}
