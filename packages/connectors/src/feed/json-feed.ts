import { escapeText } from 'entities';
import { z } from 'zod';
import { type FeedDraft, type ItemDraft, trimOrNull } from './draft.ts';
import { resolveBase, resolveHttpUrl } from './urls.ts';

// Lenient on purpose: a wrong type in one field drops that field, not the item or the feed.
const str = z.string().nullish().catch(null);
const id = z.union([z.string(), z.number()]).nullish().catch(null);
const Author = z.object({ name: str }).passthrough().nullish().catch(null);
const Item = z
  .object({
    id,
    url: str,
    external_url: str,
    title: str,
    content_html: str,
    content_text: str,
    summary: str,
    date_published: str,
    date_modified: str,
    author: Author,
    authors: z.array(Author).nullish().catch(null),
    _in_reply_to: str,
  })
  .passthrough();
const JsonFeed = z.object({
  version: z.string().optional(),
  title: str,
  home_page_url: str,
  feed_url: str,
  items: z.array(z.unknown()).max(100_000),
});

/** JSON Feed 1.0/1.1. Returns null when the document is not one. */
export function mapJsonFeed(value: unknown, feedUrl: string | null): FeedDraft | null {
  const feed = JsonFeed.safeParse(value);
  if (!feed.success) return null;
  const version = feed.data.version ?? '';
  if (version && !version.includes('jsonfeed.org')) return null;
  const site = resolveHttpUrl(feed.data.home_page_url, feedUrl);
  const base = resolveBase(site, feedUrl);
  const items: ItemDraft[] = [];
  for (const raw of feed.data.items) {
    const parsed = Item.safeParse(raw);
    if (!parsed.success) continue;
    const item = parsed.data;
    const author = item.authors?.find((a) => a?.name)?.name ?? item.author?.name ?? null;
    items.push({
      guid: item.id == null ? null : trimOrNull(String(item.id)),
      link: resolveHttpUrl(item.url ?? item.external_url, base),
      title: trimOrNull(item.title),
      content:
        item.content_html ??
        (item.content_text != null ? escapeText(item.content_text) : null) ??
        (item.summary != null ? escapeText(item.summary) : ''),
      author: trimOrNull(author),
      dateRaw: trimOrNull(item.date_published ?? item.date_modified),
      base,
      parentId: trimOrNull(item._in_reply_to),
      rootId: null,
      commentFeed: null,
    });
  }
  return { format: 'json', title: trimOrNull(feed.data.title), url: site, ttlSeconds: null, items };
}
