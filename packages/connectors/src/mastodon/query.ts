import { ConnectorError } from '@barometer/http';

/** What a Mastodon source reads, from the query a person typed. */
export type MastodonTarget =
  | { kind: 'hashtag'; tag: string }
  | { kind: 'mentions' }
  | { kind: 'search'; q: string };

/**
 * `#NorthfieldGeneral` is a hashtag timeline (no token needed on most instances); `@mentions`
 * is the trust account's mentions (token); anything else is a status search (token, and only
 * posts the instance indexes: opted-in accounts).
 */
export function parseMastodonQuery(query: string | null | undefined): MastodonTarget {
  const q = (query ?? '').trim();
  if (!q)
    throw new ConnectorError('bad-url', {
      message: 'say what to read: a #hashtag, @mentions or search words',
    });
  if (/^@?mentions$/i.test(q)) return { kind: 'mentions' };
  const tag = /^#([\p{L}\p{N}_]+)$/u.exec(q);
  if (tag) return { kind: 'hashtag', tag: tag[1]! };
  return { kind: 'search', q };
}

/** The instance's origin plus any path prefix (a fake may live under /mastodon). */
export function instanceBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorError('bad-url');
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}
