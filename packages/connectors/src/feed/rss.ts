import {
  authorName,
  type FeedDraft,
  type ItemDraft,
  trimOrNull,
  wordpressParent,
} from './draft.ts';
import { resolveBase, resolveHttpUrl } from './urls.ts';
import { child, childrenNamed, markupOf, textOf } from './xml-access.ts';
import type { XmlElement } from './xml-tree.ts';

/**
 * RSS 0.9x/2.0 (`<rss><channel><item>`) and RSS 0.90/1.0 RDF (`<rdf:RDF><channel/><item>`),
 * which share element names once namespaces are canonicalised.
 */
export function mapRss(root: XmlElement, feedUrl: string | null, format: 'rss' | 'rdf'): FeedDraft {
  const rootBase = resolveBase(root.attrs['xml:base'], feedUrl);
  const channel = child(root, 'channel') ?? root;
  const channelBase = resolveBase(channel.attrs['xml:base'], rootBase);
  const siteLink = resolveHttpUrl(textOf(child(channel, 'link')), channelBase);
  // Relative item URLs resolve against xml:base, then the channel link, then the feed URL.
  const itemBase = siteLink ?? channelBase;
  const items = [
    ...childrenNamed(channel, 'item'),
    ...(channel === root ? [] : childrenNamed(root, 'item')),
  ];
  const ttl = Number.parseInt(textOf(child(channel, 'ttl')), 10);
  return {
    format,
    title: trimOrNull(textOf(child(channel, 'title'))),
    url: siteLink,
    ttlSeconds: Number.isFinite(ttl) && ttl > 0 ? ttl * 60 : null,
    items: items.map((item) => mapItem(item, resolveBase(item.attrs['xml:base'], itemBase))),
  };
}

function mapItem(item: XmlElement, base: string | null): ItemDraft {
  const guidElement = child(item, 'guid');
  const guid = trimOrNull(textOf(guidElement)) ?? trimOrNull(item.attrs['rdf:about']);
  // A guid is a permalink by default, but only an absolute one can stand in for a link.
  const permalink =
    guidElement &&
    guidElement.attrs.ispermalink?.toLowerCase() !== 'false' &&
    guid &&
    /^(https?:)?\/\//i.test(guid)
      ? guid
      : null;
  const link =
    resolveHttpUrl(textOf(child(item, 'link')), base) ??
    resolveHttpUrl(alternateHref(item), base) ??
    resolveHttpUrl(permalink, base);
  const inReplyTo = child(item, 'thr:in-reply-to');
  const parentId = trimOrNull(inReplyTo?.attrs.ref) ?? wordpressParent(guid);
  return {
    guid,
    link,
    title: trimOrNull(textOf(child(item, 'title'))),
    content: markupOf(child(item, 'content:encoded') ?? child(item, 'description')),
    author: authorName(
      textOf(
        child(item, 'dc:creator', 'author', 'itunes:author', 'dc:contributor') ??
          child(child(item, 'atom:author') ?? item, 'atom:name'),
      ),
    ),
    dateRaw: trimOrNull(
      textOf(
        child(item, 'pubdate', 'dc:date', 'atom:published', 'atom:updated', 'dcterms:created'),
      ),
    ),
    base,
    parentId,
    rootId: wordpressParent(guid),
    commentFeed: resolveHttpUrl(textOf(child(item, 'wfw:commentrss')), base),
  };
}

function alternateHref(item: XmlElement): string | null {
  for (const link of childrenNamed(item, 'atom:link')) {
    const rel = link.attrs.rel ?? 'alternate';
    if (rel === 'alternate' && link.attrs.href) return link.attrs.href;
  }
  return null;
}
