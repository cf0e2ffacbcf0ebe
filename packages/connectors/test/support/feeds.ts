/** Realistic feed bodies for the tests, shaped like the real services (sources.md §2). */
export function rss(items: string, channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Northshire Gazette</title><link>https://gazette.example/</link>
<description>Local news</description>${channelExtra}
${items}
</channel></rss>`;
}

export function rssItem(n: number, extra = ''): string {
  return `<item><title>Story ${n} about Northshire Hospitals</title>
<link>https://gazette.example/news/${n}</link><guid isPermaLink="false">story-${n}</guid>
<pubDate>Tue, 01 Sep 2026 10:${String(n % 60).padStart(2, '0')}:00 GMT</pubDate>
<dc:creator>Reporter ${n}</dc:creator>
<description>&lt;p&gt;Patients at &lt;b&gt;Northshire General&lt;/b&gt; waited ${n} hours.&lt;/p&gt;</description>${extra}</item>`;
}

export const SIMPLE_RSS = rss([1, 2, 3].map((n) => rssItem(n)).join('\n'));

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
  <title>Northshire blog</title>
  <link rel="alternate" href="https://blog.example/"/>
  <id>tag:blog.example,2026:feed</id>
  <updated>2026-09-01T10:00:00Z</updated>
  <entry>
    <id>tag:blog.example,2026:post-1</id>
    <title type="html">Our &lt;b&gt;new&lt;/b&gt; MRI suite</title>
    <link rel="alternate" href="https://blog.example/posts/1"/>
    <link rel="replies" type="application/atom+xml" href="https://blog.example/posts/1/comments.atom" thr:count="2"/>
    <published>2026-09-01T10:00:00+01:00</published>
    <author><name>Comms Team</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Opening <em>Monday</em>.</p></div></content>
  </entry>
  <entry>
    <id>tag:blog.example,2026:comment-7</id>
    <title>Re: MRI suite</title>
    <link href="https://blog.example/posts/1#c7"/>
    <thr:in-reply-to ref="tag:blog.example,2026:post-1" href="https://blog.example/posts/1"/>
    <updated>2026-09-01T12:00:00Z</updated>
    <summary>Great news for the town.</summary>
  </entry>
</feed>`;

export const EMPTY_ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title><id>x</id><updated>2026-09-01T10:00:00Z</updated></feed>`;

export const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old site</title><link>https://old.example/</link>
    <items><rdf:Seq><rdf:li resource="https://old.example/1"/></rdf:Seq></items></channel>
  <item rdf:about="https://old.example/1"><title>First</title><link>https://old.example/1</link>
    <description>About Northshire</description><dc:date>2026-09-01T09:00:00Z</dc:date><dc:creator>Ed</dc:creator></item>
</rdf:RDF>`;

export const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Northshire JSON',
  home_page_url: 'https://json.example/',
  feed_url: 'https://json.example/feed.json',
  items: [
    {
      id: 'j1',
      url: '/posts/j1',
      title: 'JSON item',
      content_html: '<p>Hello <script>alert(1)</script>world</p>',
      date_published: '2026-09-01T08:00:00Z',
      authors: [{ name: 'Jay' }],
    },
    { id: 2, content_text: 'Plain <not html>', date_modified: '2026-09-02T08:00:00Z' },
  ],
});

export const WORDPRESS_COMMENTS = rss(
  `<item><title>By: Pat</title><link>https://news.example/2026/05/post/#comment-12</link>
<dc:creator><![CDATA[Pat]]></dc:creator><pubDate>Tue, 01 Sep 2026 10:00:00 +0000</pubDate>
<guid isPermaLink="false">https://news.example/?p=123#comment-12</guid>
<description><![CDATA[Terrible wait at Northshire]]></description>
<content:encoded><![CDATA[<p>Terrible wait at Northshire</p>]]></content:encoded></item>
<item><title>By: Another Blog</title><link>https://news.example/2026/05/post/#comment-13</link>
<guid isPermaLink="false">https://news.example/?p=123#comment-13</guid>
<description><![CDATA[[&#8230;] as reported by the gazette [&#8230;]]]></description></item>`,
).replace('<title>Northshire Gazette</title>', '<title>Comments on: A post</title>');

export const HTML_PAGE = `<!DOCTYPE html><html><head><title>whoa there, pardner!</title>
<link rel="alternate" type="application/rss+xml" title="News RSS" href="/news.rss">
<link rel="alternate" type="application/atom+xml" href="https://other.example/atom.xml">
<link rel="stylesheet" href="/s.css"></head><body><p>your request has been blocked</p></body></html>`;
