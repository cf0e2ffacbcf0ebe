import type { NormalizedMention } from '@barometer/core';
import { ConnectorError } from '@barometer/http';
import type { z } from 'zod';
import type { ConnectorPollResult } from '../connector.ts';
import { compareIds, maxId } from '../social/ids.ts';
import type { PollWindow } from '../social/window.ts';
import {
  type MastodonApi,
  type MastodonPage,
  mastodonGet,
  RATE_RESERVE,
  secondsUntilReset,
} from './client.ts';
import { statusesToMentions } from './map-status.ts';
import type { MastodonTarget } from './query.ts';
import {
  MastodonNotificationList,
  MastodonSearch,
  type MastodonStatus,
  MastodonStatusList,
} from './schema.ts';

const PAGE_SIZE = 40; // the API's maximum

interface Page {
  /** The ids the endpoint pages by (wrapper ids for boosts, notification ids for mentions). */
  pageIds: string[];
  statuses: MastodonStatus[];
  links: Record<string, string>;
  rate: MastodonPage<unknown>['rate'];
}

/**
 * Reads a target to the end of what is new. With a cursor (the newest id seen), it asks for
 * what came after it (`min_id`) and follows `rel="prev"` until a page is empty; without one, it
 * starts at the newest and follows `rel="next"` back to the window's start. It stops early at
 * the item cap, or while a few requests are left in the rate-limit window (the reset time is
 * then the earliest next poll), and it keeps what it read if a later page is refused with 429.
 */
export async function pollMastodon(
  api: MastodonApi,
  target: MastodonTarget,
  cursor: string | null,
  window: PollWindow,
): Promise<ConnectorPollResult> {
  const statuses: MastodonStatus[] = [];
  const pageIds: string[] = [];
  const warnings: string[] = [];
  let retryAfterSeconds: number | null = null;
  let url: string | null = firstUrl(target, cursor);
  const direction = cursor ? 'prev' : 'next';
  while (url) {
    let page: Page;
    try {
      page = await fetchPage(api, target, url);
    } catch (error) {
      if (statuses.length > 0 && error instanceof ConnectorError && error.code === 'http-429') {
        retryAfterSeconds = error.retryAfterSeconds;
        warnings.push('rate limited while paging: the rest is read on the next poll');
        break;
      }
      throw error;
    }
    const fresh = page.statuses.filter((s) => Date.parse(s.created_at) >= window.since.getTime());
    statuses.push(...fresh);
    pageIds.push(...page.pageIds);
    url = page.links[direction] ?? null;
    if (target.kind === 'search') url = searchNext(target, page, cursor);
    if (page.pageIds.length === 0) break;
    if (!cursor && fresh.length < page.statuses.length) break; // reached the window's start
    if (statuses.length >= window.maxItems) {
      warnings.push(`stopped at ${window.maxItems} items; the rest is read on the next poll`);
      break;
    }
    if (page.rate.remaining !== null && page.rate.remaining <= RATE_RESERVE) {
      retryAfterSeconds = secondsUntilReset(page.rate, window.now());
      if (url) warnings.push('rate-limit window nearly used: the rest is read after it resets');
      break;
    }
  }
  const mentions: NormalizedMention[] = statusesToMentions(statuses).slice(0, window.maxItems);
  return {
    status: 'ok',
    title: null,
    mentions,
    validators: { etag: null, lastModified: null, contentHash: null },
    cache: { retryAfterSeconds, maxAgeSeconds: null },
    warnings,
    cursor: maxId(pageIds, cursor),
  };
}

function firstUrl(target: MastodonTarget, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set('min_id', cursor);
  switch (target.kind) {
    case 'hashtag':
      return `/api/v1/timelines/tag/${encodeURIComponent(target.tag)}?${params}`;
    case 'mentions':
      params.append('types[]', 'mention');
      return `/api/v1/notifications?${params}`;
    case 'search':
      params.set('q', target.q);
      params.set('type', 'statuses');
      return `/api/v2/search?${params}`;
  }
}

/** Search has no Link header: page by the ids it returned. */
function searchNext(
  target: Extract<MastodonTarget, { kind: 'search' }>,
  page: Page,
  cursor: string | null,
): string | null {
  if (page.pageIds.length === 0) return null;
  const params = new URLSearchParams({ q: target.q, type: 'statuses', limit: String(PAGE_SIZE) });
  const sorted = [...page.pageIds].sort(compareIds);
  if (cursor) params.set('min_id', sorted.at(-1)!);
  else params.set('max_id', sorted[0]!);
  return `/api/v2/search?${params}`;
}

async function fetchPage(api: MastodonApi, target: MastodonTarget, url: string): Promise<Page> {
  if (target.kind === 'mentions') {
    const page = await mastodonGet(api, url, MastodonNotificationList, 'the mentions');
    const withStatus = page.data.filter(
      (n): n is typeof n & { status: MastodonStatus } => n.type === 'mention' && !!n.status,
    );
    return {
      pageIds: page.data.map((n) => n.id),
      statuses: withStatus.map((n) => n.status),
      links: page.links,
      rate: page.rate,
    };
  }
  const schema: z.ZodType<MastodonStatus[]> =
    target.kind === 'search' ? MastodonSearch.transform((s) => s.statuses) : MastodonStatusList;
  const page = await mastodonGet(
    api,
    url,
    schema,
    target.kind === 'search' ? 'the search' : 'the timeline',
  );
  return {
    pageIds: page.data.map((s) => s.id),
    statuses: page.data,
    links: page.links,
    rate: page.rate,
  };
}
