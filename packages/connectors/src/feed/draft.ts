/** What each format mapper extracts from one item, before normalisation. */
export interface ItemDraft {
  guid: string | null;
  /** Absolute http(s) URL. */
  link: string | null;
  /** Title text, possibly with markup (stripped during normalisation). */
  title: string | null;
  /** Body as HTML (escaped plain text is fine). */
  content: string;
  author: string | null;
  dateRaw: string | null;
  /** Base for relative URLs inside the content. */
  base: string | null;
  parentId: string | null;
  rootId: string | null;
  commentFeed: string | null;
}

export interface FeedDraft {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  url: string | null;
  ttlSeconds: number | null;
  items: ItemDraft[];
}

export function trimOrNull(value: string | null | undefined): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** "jo@example.org (Jo Bloggs)" -> "Jo Bloggs"; RSS <author> is meant to be an e-mail. */
export function authorName(raw: string | null | undefined): string | null {
  const value = trimOrNull(raw);
  if (!value) return null;
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(value);
  return named ? named[1]!.trim() : value;
}

/** WordPress comment guids are `<post guid>#comment-<id>`: the post is the thread parent. */
export function wordpressParent(guid: string | null): string | null {
  if (!guid) return null;
  const match = /^(.+)#comment-\d+$/.exec(guid);
  return match ? match[1]! : null;
}
