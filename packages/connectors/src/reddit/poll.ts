import type { NormalizedMention } from '@barometer/core';
import { ConnectorError } from '@barometer/http';
import type { ConnectorPollResult } from '../connector.ts';
import type { PollWindow } from '../social/window.ts';
import { type RedditApi, redditGet } from './client.ts';
import { postToMention } from './map.ts';
import { Listing, RedditPost } from './schema.ts';

const PAGE_SIZE = 100;
/** Stop paging with this little left in the 10-minute window (the free tier is 100/min). */
const RATE_RESERVE = 2;

/** `r/northfield+nhs parking` searches those subreddits; anything else searches all of Reddit. */
export function searchPath(query: string): string {
  const match = /^r\/([\w+]+)\s+(.+)$/i.exec(query.trim());
  const params = new URLSearchParams({
    q: match ? match[2]! : query.trim(),
    sort: 'new',
    t: 'week',
    limit: String(PAGE_SIZE),
    raw_json: '1',
  });
  if (match) {
    params.set('restrict_sr', '1');
    return `/r/${match[1]}/search?${params}`;
  }
  return `/search?${params}`;
}

/** Search listings newest first, `after` to the end, the window's start, or the rate reserve. */
export async function pollReddit(
  api: RedditApi,
  query: string,
  window: PollWindow,
): Promise<ConnectorPollResult> {
  const found = new Map<string, NormalizedMention>();
  const warnings: string[] = [];
  let retryAfterSeconds: number | null = null;
  let after: string | null = null;
  for (;;) {
    const path = after
      ? `${searchPath(query)}&after=${encodeURIComponent(after)}`
      : searchPath(query);
    let page: Awaited<ReturnType<typeof redditGet<typeof Listing>>>;
    try {
      page = await redditGet(api, path, Listing, 'the search');
    } catch (error) {
      if (found.size > 0 && error instanceof ConnectorError && error.code === 'http-429') {
        retryAfterSeconds = error.retryAfterSeconds;
        warnings.push('rate limited while paging: the rest is read on the next poll');
        break;
      }
      throw error;
    }
    let older = false;
    for (const child of page.data.data.children) {
      if (child.kind !== 't3') continue;
      const post = RedditPost.safeParse(child.data);
      if (!post.success) continue;
      if (post.data.created_utc * 1000 < window.since.getTime()) {
        older = true;
        continue;
      }
      found.set(post.data.name, postToMention(post.data));
    }
    after = page.data.data.after ?? null;
    if (found.size >= window.maxItems) {
      warnings.push(`stopped at ${window.maxItems} items; the rest is read on the next poll`);
      break;
    }
    if (!after || older) break;
    if (page.rate.remaining !== null && page.rate.remaining < RATE_RESERVE) {
      retryAfterSeconds = page.rate.resetSeconds;
      warnings.push('rate-limit window nearly used: the rest is read after it resets');
      break;
    }
  }
  return {
    status: 'ok',
    title: null,
    mentions: [...found.values()].slice(0, window.maxItems),
    validators: { etag: null, lastModified: null, contentHash: null },
    cache: { retryAfterSeconds, maxAgeSeconds: null },
    warnings,
  };
}
