import { ConnectorError } from '@barometer/http';
import type { ParsedFeed } from '../types.ts';
import { mapAtom } from './atom.ts';
import { decodeFeedBytes, stripInvalidXmlChars } from './charset.ts';
import type { FeedDraft } from './draft.ts';
import { mapJsonFeed } from './json-feed.ts';
import { DEFAULT_MAX_ITEMS, normaliseFeed } from './normalise.ts';
import { mapRss } from './rss.ts';
import { parseXml, type XmlElement } from './xml-tree.ts';

export interface ParseFeedOptions {
  contentType?: string | null;
  /** The final (post-redirect) feed URL, base of last resort for relative links. */
  url?: string | null;
  /** Fetch time, epoch ms (dates too far in the future are replaced by it). */
  now?: number;
  maxItems?: number;
}

/**
 * Any RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.x document, sniffed from its content (the
 * Content-Type is only used for the charset: servers label feeds text/plain, octet-stream...).
 * Throws ConnectorError 'empty-body' or 'not-a-feed'; never anything else.
 */
export function parseFeed(body: Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const text = stripInvalidXmlChars(decodeFeedBytes(body, options.contentType));
  const start = text.search(/\S/);
  if (start < 0) throw new ConnectorError('empty-body');
  const draft =
    text[start] === '{'
      ? jsonDraft(text, options.url ?? null)
      : xmlDraft(text, options.url ?? null);
  return normaliseFeed(draft, {
    now: options.now ?? Date.now(),
    maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS,
  });
}

function jsonDraft(text: string, url: string | null): FeedDraft {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ConnectorError('not-a-feed', { message: 'not a feed (invalid JSON)' });
  }
  const draft = mapJsonFeed(value, url);
  if (!draft)
    throw new ConnectorError('not-a-feed', { message: 'not a feed (JSON but not a JSON Feed)' });
  return draft;
}

function xmlDraft(text: string, url: string | null): FeedDraft {
  const roots = parseXml(text);
  // Garbage or a second root after the feed is ignored: the first feed-shaped root wins.
  for (const root of roots) {
    const draft = mapRoot(root, url);
    if (draft) return draft;
  }
  if (
    roots.some((r) => r.name === 'html' || r.name === 'xhtml:html') ||
    /^\s*<!doctype html/i.test(text)
  ) {
    throw new ConnectorError('not-a-feed', {
      message:
        'not a feed: the address returned a web page (blocked, a login page or the wrong URL)',
    });
  }
  throw new ConnectorError('not-a-feed');
}

function mapRoot(root: XmlElement, url: string | null): FeedDraft | null {
  switch (root.name) {
    case 'rss':
    case 'channel':
      return mapRss(root, url, 'rss');
    case 'rdf:rdf':
      return mapRss(root, url, 'rdf');
    case 'atom:feed':
    case 'feed':
      return mapAtom(root, url);
    default:
      return null;
  }
}
