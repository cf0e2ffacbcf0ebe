import type { DiscoveredFeed } from '@barometer/core';
import { ConnectorError, guardedFetch } from '@barometer/http';
import { decodeFeedBytes } from './feed/charset.ts';
import { parseFeed } from './feed/parse-feed.ts';
import { resolveHttpUrl } from './feed/urls.ts';
import { streamTags } from './markup/tag-stream.ts';
import type { HttpPolicy } from './types.ts';

const FEED_TYPES: Record<string, string> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/rdf+xml': 'rdf',
  'application/feed+json': 'json',
  'application/json': 'json',
  'application/xml': 'rss',
  'text/xml': 'rss',
};

/** Where feeds usually live when a page does not advertise one (tried on the same origin only). */
const COMMON_PATHS = ['/feed/', '/rss', '/feed.xml', '/rss.xml', '/atom.xml', '/index.xml'];

/**
 * Feeds a web page advertises with `<link rel="alternate" type="application/rss+xml" href>`
 * (and Atom, RDF, JSON Feed), resolved against the page URL, plus a YouTube channel page's feed.
 */
export function discoverFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  let base = pageUrl;
  const add = (href: string | undefined, title: string | null, type: string | null) => {
    const url = resolveHttpUrl(href, base);
    if (url && !seen.has(url)) {
      seen.add(url);
      found.push({ url, title, type });
    }
  };
  streamTags(html, false, {
    open(name, attrs) {
      if (name === 'base' && attrs.href) base = resolveHttpUrl(attrs.href, pageUrl) ?? base;
      if (name === 'link' || name === 'a') {
        const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        const type = FEED_TYPES[(attrs.type ?? '').toLowerCase().split(';')[0]!.trim()];
        if (rels.includes('alternate') && type) add(attrs.href, attrs.title?.trim() || null, type);
      }
      if (
        name === 'meta' &&
        attrs.itemprop === 'channelId' &&
        /^UC[\w-]{22}$/.test(attrs.content ?? '')
      ) {
        add(`https://www.youtube.com/feeds/videos.xml?channel_id=${attrs.content}`, null, 'atom');
      }
    },
    close() {},
    text() {},
  });
  return found;
}

/**
 * What to subscribe to for a URL a person pasted: the URL itself when it is a feed, else the
 * feeds its page advertises, else the common feed paths on the same site that really are feeds.
 * Every request goes through the guarded client.
 */
export async function discoverFeeds(url: string, policy: HttpPolicy): Promise<DiscoveredFeed[]> {
  const response = await guardedFetch(url, policy);
  if (response.status !== 200) throw new ConnectorError(`http-${response.status}`);
  const contentType = headerValue(response.headers['content-type']);
  const asFeed = tryParse(response.body, contentType, response.finalUrl);
  if (asFeed) return [asFeed];
  const html = decodeFeedBytes(response.body, contentType);
  const advertised = discoverFeedLinks(html, response.finalUrl);
  if (advertised.length > 0) return advertised;
  const origin = new URL(response.finalUrl).origin;
  for (const path of COMMON_PATHS) {
    const candidate = `${origin}${path}`;
    try {
      const probe = await guardedFetch(candidate, policy);
      if (probe.status !== 200) continue;
      const feed = tryParse(probe.body, headerValue(probe.headers['content-type']), probe.finalUrl);
      if (feed) return [feed];
    } catch {
      // A missing or broken candidate is simply not a feed.
    }
  }
  return [];
}

function tryParse(
  body: Uint8Array,
  contentType: string | null,
  url: string,
): DiscoveredFeed | null {
  try {
    const feed = parseFeed(body, { contentType, url, maxItems: 1 });
    return { url, title: feed.title, type: feed.format };
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}
