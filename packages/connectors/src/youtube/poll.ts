import type { NormalizedMention } from '@barometer/core';
import { ConnectorError } from '@barometer/http';
import type { ConnectorPollResult } from '../connector.ts';
import type { PollWindow } from '../social/window.ts';
import { QuotaStop, type YoutubeApi, youtubeGet } from './client.ts';
import { commentToMention, videoToMention } from './map.ts';
import { quotaPacingSeconds } from './quota.ts';
import { CommentList, type CommentThread, CommentThreadList, SearchList } from './schema.ts';

/** Matched videos whose comments one poll reads (each costs at least a unit). */
const VIDEOS_PER_POLL = 5;
const PAGES_PER_LIST = 5;

/** `channel:UC…` reads every thread on that channel; the other words search for videos. */
export function parseYoutubeQuery(query: string): { channels: string[]; words: string } {
  const parts = query.trim().split(/\s+/);
  const channels = parts
    .filter((p) => p.startsWith('channel:'))
    .map((p) => p.slice('channel:'.length))
    .filter(Boolean);
  const words = parts.filter((p) => !p.startsWith('channel:')).join(' ');
  return { channels, words };
}

/**
 * Videos that mention the trust (search.list, 100 units) and the comment threads with all their
 * replies on the trust's channel and on those videos (1 unit a page). Every call is counted
 * before it is made; the poll stops near the day's allowance, and the next poll is spaced so
 * the rest lasts until the midnight-Pacific reset.
 */
export async function pollYoutube(
  api: YoutubeApi,
  query: string,
  window: PollWindow,
): Promise<ConnectorPollResult> {
  const { channels, words } = parseYoutubeQuery(query);
  const found = new Map<string, NormalizedMention>();
  const warnings: string[] = [];
  const add = (m: NormalizedMention) => {
    if (m.publishedAt && Date.parse(m.publishedAt) < window.since.getTime()) return;
    found.set(m.externalId, m);
  };
  try {
    for (const channel of channels) {
      await readThreads(
        api,
        new URLSearchParams({ allThreadsRelatedToChannelId: channel }),
        add,
        warnings,
      );
    }
    if (words) {
      const params = new URLSearchParams({
        part: 'snippet',
        q: words,
        type: 'video',
        order: 'date',
        maxResults: '25',
        publishedAfter: window.since.toISOString(),
      });
      const search = await youtubeGet(api, 'search.list', 'search', params, SearchList);
      const videos = search.items.filter((i) => i.id.videoId);
      for (const video of videos)
        add(videoToMention({ videoId: video.id.videoId!, ...video.snippet }));
      for (const video of videos.slice(0, VIDEOS_PER_POLL)) {
        await readThreads(api, new URLSearchParams({ videoId: video.id.videoId! }), add, warnings);
      }
    }
  } catch (error) {
    if (!(error instanceof QuotaStop)) throw error;
    warnings.push("stopped to keep inside today's API quota");
  }
  const pacing = quotaPacingSeconds(
    api.quota.usedToday + api.spent,
    api.quota.dailyLimit,
    api.spent,
    api.now(),
  );
  return {
    status: 'ok',
    title: null,
    mentions: [...found.values()].slice(0, window.maxItems),
    validators: { etag: null, lastModified: null, contentHash: null },
    cache: { retryAfterSeconds: pacing > 0 ? pacing : null, maxAgeSeconds: null },
    warnings,
    quotaUnits: api.spent,
  };
}

async function readThreads(
  api: YoutubeApi,
  filter: URLSearchParams,
  add: (m: NormalizedMention) => void,
  warnings: string[],
): Promise<void> {
  let pageToken: string | undefined;
  for (let page = 0; page < PAGES_PER_LIST; page++) {
    const params = new URLSearchParams(filter);
    params.set('part', 'snippet,replies');
    params.set('maxResults', '100');
    params.set('order', 'time');
    params.set('textFormat', 'plainText');
    if (pageToken) params.set('pageToken', pageToken);
    let list: { nextPageToken?: string | undefined; items: CommentThread[] };
    try {
      list = await youtubeGet(
        api,
        'commentThreads.list',
        'commentThreads',
        params,
        CommentThreadList,
      );
    } catch (error) {
      // One video with comments turned off (or gone) must not stop the others.
      if (
        error instanceof ConnectorError &&
        (error.code === 'http-403' || error.code === 'http-404')
      ) {
        warnings.push(error.message);
        return;
      }
      throw error;
    }
    for (const thread of list.items) {
      const video = thread.snippet.videoId;
      add(commentToMention(thread.snippet.topLevelComment, video));
      const inline = thread.replies?.comments ?? [];
      // replies.comments is only a subset: ask for the rest when the count says so.
      const replies =
        thread.snippet.totalReplyCount > inline.length ? await allReplies(api, thread.id) : inline;
      for (const reply of replies) add(commentToMention(reply, video));
    }
    pageToken = list.nextPageToken;
    if (!pageToken) return;
  }
}

async function allReplies(api: YoutubeApi, parentId: string) {
  const out = [];
  let pageToken: string | undefined;
  for (let page = 0; page < PAGES_PER_LIST; page++) {
    const params = new URLSearchParams({
      part: 'snippet',
      parentId,
      maxResults: '100',
      textFormat: 'plainText',
    });
    if (pageToken) params.set('pageToken', pageToken);
    const list = await youtubeGet(api, 'comments.list', 'comments', params, CommentList);
    out.push(...list.items);
    pageToken = list.nextPageToken;
    if (!pageToken) break;
  }
  return out;
}
