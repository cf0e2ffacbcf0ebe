import type { FeedView } from './view.ts';
import { cdata, element, escapeXml } from './xml.ts';

const NAMESPACES = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
  'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
  'xmlns:thr="http://purl.org/syndication/thread/1.0"',
].join(' ');

/** RSS 2.0 in the WordPress dialect: content:encoded, dc:creator, wfw:commentRss, thr. */
export function renderRss(view: FeedView): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<rss version="2.0" ${NAMESPACES}>\n<channel>\n`,
    element('title', view.title),
    `<atom:link href="${escapeXml(view.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    element('link', view.siteUrl),
    element('description', view.description),
    element('lastBuildDate', view.updated.toUTCString()),
    '<language>en-GB</language>',
    '<generator>Barometer simulator</generator>\n',
  ];
  for (const item of view.items) {
    parts.push('<item>');
    if (view.titles) parts.push(element('title', item.title));
    parts.push(
      element('link', item.link),
      `<dc:creator>${cdata(item.author)}</dc:creator>`,
      element('pubDate', item.publishedAt.toUTCString()),
      element('guid', item.guid, ' isPermaLink="false"'),
      element('description', item.text),
      `<content:encoded>${cdata(item.html)}</content:encoded>`,
    );
    const replies = view.replies?.(item);
    if (replies) {
      parts.push(
        element('comments', `${item.link}#comments`),
        element('wfw:commentRss', replies.rssUrl),
        element('slash:comments', String(replies.count)),
      );
    }
    if (item.inReplyTo) {
      const { guid, link } = item.inReplyTo;
      parts.push(
        `<thr:in-reply-to ref="${escapeXml(guid)}" href="${escapeXml(link)}" type="text/html"/>`,
      );
    }
    parts.push('</item>\n');
  }
  parts.push('</channel>\n</rss>\n');
  return parts.join('');
}
