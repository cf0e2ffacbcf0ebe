import type { NormalizedMention } from '@barometer/core';
import { ConnectorError } from '@barometer/http';
import type { ConnectorPollResult } from '../connector.ts';
import type { PollWindow } from '../social/window.ts';
import { type BlueskyApi, xrpcGet } from './client.ts';
import { postViewToMention } from './map-post.ts';
import { SearchPostsOutput } from './schema.ts';

const PAGE_SIZE = 100;

/**
 * searchPosts, newest first, from the window's start. The cursor is opaque and "may not allow
 * scrolling through the entire result set": a page can be short or empty and still carry one,
 * so paging stops on no cursor, on a page with nothing new, at the item cap, or on a 429 (what
 * was read is kept and the reset says when to come back).
 */
export async function pollBluesky(
  api: BlueskyApi,
  query: string,
  window: PollWindow,
): Promise<ConnectorPollResult> {
  if (!api.sessions) {
    throw new ConnectorError('credentials-needed', {
      message: 'Bluesky search needs a handle and an app password (handle:app-password)',
    });
  }
  const seen = new Map<string, NormalizedMention>();
  const warnings: string[] = [];
  let retryAfterSeconds: number | null = null;
  let cursor: string | undefined;
  for (;;) {
    const params = new URLSearchParams({
      q: query,
      sort: 'latest',
      limit: String(PAGE_SIZE),
      since: window.since.toISOString(),
    });
    if (cursor) params.set('cursor', cursor);
    let page: { cursor?: string | undefined; posts: Parameters<typeof postViewToMention>[0][] };
    try {
      page = await xrpcGet(
        api,
        'app.bsky.feed.searchPosts',
        params,
        SearchPostsOutput,
        'the search',
      );
    } catch (error) {
      if (seen.size > 0 && error instanceof ConnectorError && error.code === 'http-429') {
        retryAfterSeconds = error.retryAfterSeconds;
        warnings.push('rate limited while paging: the rest is read on the next poll');
        break;
      }
      throw error;
    }
    let added = 0;
    for (const post of page.posts) {
      if (seen.has(post.uri)) continue;
      const mention = postViewToMention(post);
      if (mention.publishedAt && Date.parse(mention.publishedAt) < window.since.getTime()) continue;
      seen.set(post.uri, mention);
      added += 1;
    }
    if (seen.size >= window.maxItems) {
      warnings.push(`stopped at ${window.maxItems} items; the rest is read on the next poll`);
      break;
    }
    if (!page.cursor || page.cursor === cursor || (added === 0 && page.posts.length > 0)) break;
    if (page.posts.length === 0 && cursor) break;
    cursor = page.cursor;
  }
  return {
    status: 'ok',
    title: null,
    mentions: [...seen.values()].slice(0, window.maxItems),
    validators: { etag: null, lastModified: null, contentHash: null },
    cache: { retryAfterSeconds, maxAgeSeconds: null },
    warnings,
  };
}
