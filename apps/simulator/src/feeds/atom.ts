import type { FeedView } from './view.ts';
import { element, escapeXml } from './xml.ts';

/** Atom 1.0 (RFC 4287) with RFC 4685 threading for comments. */
export function renderAtom(view: FeedView): string {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:lang="en-GB">\n',
    element('id', view.atomUrl),
    element('title', view.title, ' type="text"'),
    element('subtitle', view.description, ' type="text"'),
    element('updated', view.updated.toISOString()),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(view.atomUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(view.siteUrl)}"/>`,
    '<generator>Barometer simulator</generator>\n',
  ];
  for (const item of view.items) {
    const published = item.publishedAt.toISOString();
    parts.push(
      '<entry>',
      element('id', item.guid),
      element('title', item.title, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>`,
      element('published', published),
      element('updated', published),
      `<author>${element('name', item.author)}</author>`,
      element('summary', item.text, ' type="text"'),
      element('content', item.html, ' type="html"'),
    );
    const replies = view.replies?.(item);
    if (replies) {
      parts.push(
        `<link rel="replies" type="application/atom+xml" href="${escapeXml(replies.atomUrl)}" thr:count="${replies.count}"/>`,
      );
    }
    if (item.inReplyTo) {
      const { guid, link } = item.inReplyTo;
      parts.push(
        `<thr:in-reply-to ref="${escapeXml(guid)}" href="${escapeXml(link)}" type="text/html"/>`,
      );
    }
    parts.push('</entry>\n');
  }
  parts.push('</feed>\n');
  return parts.join('');
}
