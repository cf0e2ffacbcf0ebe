import { type NormalizedMention, stripUnsafeOrNull } from '@barometer/core';
import { cleanMention } from '../hygiene.ts';
import { plainText, sanitiseHtml } from '../sanitise/sanitise-html.ts';
import type { CommentFeedLink, ParsedFeed } from '../types.ts';
import { parseFeedDate } from './dates.ts';
import type { FeedDraft } from './draft.ts';
import { assignIdentities } from './identity.ts';

export const DEFAULT_MAX_ITEMS = 1000;
const MAX_TITLE = 2048;
const MAX_AUTHOR = 512;
const MAX_URL = 4096;
const MAX_TEXT = 100_000;
const MAX_HTML = 200_000;
const MAX_RAW_DATE = 256;
/** Dates further ahead than this are the feed's clock or a typo: the fetch time is used. */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

export interface NormaliseOptions {
  now: number;
  maxItems: number;
}

/** Drafts to mentions: sanitised HTML and plain text, capped fields, ISO dates, stable ids. */
export function normaliseFeed(draft: FeedDraft, options: NormaliseOptions): ParsedFeed {
  const warnings: string[] = [];
  let drafts = draft.items;
  if (drafts.length > options.maxItems) {
    warnings.push(`feed has ${drafts.length} items; only the first ${options.maxItems} were read`);
    drafts = drafts.slice(0, options.maxItems);
  }
  const bodies = drafts.map((d) => sanitiseBody(d.content, d.base));
  const titles = drafts.map((d) => (d.title ? cap(plainText(d.title), MAX_TITLE) || null : null));
  const identity = assignIdentities(
    drafts.map((d, i) => ({
      guid: d.guid,
      link: d.link,
      title: titles[i]!,
      text: bodies[i]!.text,
    })),
  );
  if (drafts.length > 0 && identity.badGuids > Math.round(drafts.length * 0.05)) {
    warnings.push(
      `${identity.badGuids} of ${drafts.length} items have a missing or repeated id; they are identified by link or content`,
    );
  }
  const items: NormalizedMention[] = [];
  const commentFeeds: CommentFeedLink[] = [];
  const seen = new Set<string>();
  drafts.forEach((d, i) => {
    const externalId = identity.ids[i]!;
    if (seen.has(externalId)) return; // the same item twice in one document
    seen.add(externalId);
    const published = parseFeedDate(d.dateRaw);
    const publishedMs =
      published !== null && published > options.now + FUTURE_TOLERANCE_MS ? options.now : published;
    items.push(
      cleanMention({
        externalId,
        url: d.link && d.link.length <= MAX_URL ? d.link : null,
        author: d.author ? cap(plainText(d.author), MAX_AUTHOR) || null : null,
        title: titles[i]!,
        text: bodies[i]!.text,
        html: bodies[i]!.html,
        publishedAt: publishedMs === null ? null : new Date(publishedMs).toISOString(),
        publishedRaw: d.dateRaw ? cap(d.dateRaw, MAX_RAW_DATE) : null,
        parentExternalId: d.parentId ? cap(d.parentId, 2048) : null,
        rootExternalId: d.rootId ? cap(d.rootId, 2048) : null,
      }),
    );
    if (d.commentFeed) commentFeeds.push({ externalId, url: d.commentFeed });
  });
  return {
    format: draft.format,
    title: draft.title ? stripUnsafeOrNull(cap(plainText(draft.title), MAX_TITLE) || null) : null,
    url: draft.url,
    items,
    ttlSeconds: draft.ttlSeconds,
    commentFeeds,
    warnings,
  };
}

function sanitiseBody(content: string, base: string | null): { html: string | null; text: string } {
  if (!content) return { html: null, text: '' };
  // Cut the input first so a 5 MB description costs what a 400 KB one does.
  let result = sanitiseHtml(
    content.length > 2 * MAX_HTML ? content.slice(0, 2 * MAX_HTML) : content,
    base,
  );
  if (result.html.length > MAX_HTML) {
    result = { html: sanitiseHtml(content.slice(0, MAX_HTML / 2), base).html, text: result.text };
  }
  return {
    html: result.html && result.html.length <= MAX_HTML ? result.html : null,
    text: cap(result.text, MAX_TEXT),
  };
}

function cap(value: string, max: number): string {
  if (value.length <= max) return value;
  // Never cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(value[max - 1]!) ? max - 1 : max;
  return value.slice(0, end);
}
