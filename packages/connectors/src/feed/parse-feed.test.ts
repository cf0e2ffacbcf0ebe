import { NormalizedMention } from '@barometer/core';
import { ConnectorError } from '@barometer/http';
import { describe, expect, test } from 'vitest';
import {
  ATOM,
  EMPTY_ATOM,
  HTML_PAGE,
  JSON_FEED,
  RDF,
  rss,
  rssItem,
  SIMPLE_RSS,
  WORDPRESS_COMMENTS,
} from '../../test/support/feeds.ts';
import { parseFeed } from './parse-feed.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = (s: string, url: string | null = 'https://feeds.example/feed.xml') =>
  parseFeed(bytes(s), { url, now: Date.parse('2026-09-10T00:00:00Z') });

function parseError(s: string): ConnectorError {
  try {
    parse(s);
  } catch (error) {
    if (error instanceof ConnectorError) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('formats', () => {
  test('F1: RSS 2.0 items become valid mentions with plain text, safe html and ISO dates', () => {
    const feed = parse(SIMPLE_RSS);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Northshire Gazette');
    expect(feed.url).toBe('https://gazette.example/');
    expect(feed.items).toHaveLength(3);
    const first = feed.items[0]!;
    expect(NormalizedMention.parse(first)).toEqual(first);
    expect(first).toMatchObject({
      externalId: 'story-1',
      url: 'https://gazette.example/news/1',
      author: 'Reporter 1',
      title: 'Story 1 about Northshire Hospitals',
      text: 'Patients at Northshire General waited 1 hours.',
      html: '<p>Patients at <b>Northshire General</b> waited 1 hours.</p>',
      publishedAt: '2026-09-01T10:01:00.000Z',
      publishedRaw: 'Tue, 01 Sep 2026 10:01:00 GMT',
    });
  });

  test('F2: Atom 1.0 reads xhtml content, html titles, authors and thread links', () => {
    const feed = parse(ATOM);
    expect(feed.format).toBe('atom');
    expect(feed.url).toBe('https://blog.example/');
    const [post, comment] = feed.items;
    expect(post).toMatchObject({
      externalId: 'tag:blog.example,2026:post-1',
      title: 'Our new MRI suite',
      author: 'Comms Team',
      text: 'Opening Monday.',
      publishedAt: '2026-09-01T09:00:00.000Z',
    });
    expect(post!.html).toContain('<em>Monday</em>');
    expect(comment).toMatchObject({
      parentExternalId: 'tag:blog.example,2026:post-1',
      text: 'Great news for the town.',
    });
    expect(feed.commentFeeds).toEqual([
      {
        externalId: 'tag:blog.example,2026:post-1',
        url: 'https://blog.example/posts/1/comments.atom',
      },
    ]);
  });

  test('F2: an Atom feed with zero entries is a valid, empty feed', () => {
    const feed = parse(EMPTY_ATOM);
    expect(feed).toMatchObject({ format: 'atom', title: 'Nothing yet', items: [] });
  });

  test('F3: RSS 1.0 (RDF) items sit beside the channel and take rdf:about as their id', () => {
    const feed = parse(RDF);
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([
      expect.objectContaining({
        externalId: 'https://old.example/1',
        title: 'First',
        author: 'Ed',
        text: 'About Northshire',
        publishedAt: '2026-09-01T09:00:00.000Z',
      }),
    ]);
  });

  test('F4: JSON Feed 1.1 items are read, sanitised and given string ids', () => {
    const feed = parse(JSON_FEED);
    expect(feed.format).toBe('json');
    expect(feed.items[0]).toMatchObject({
      externalId: 'j1',
      url: 'https://json.example/posts/j1',
      author: 'Jay',
      html: '<p>Hello world</p>',
    });
    expect(feed.items[1]).toMatchObject({ externalId: '2', text: 'Plain <not html>' });
    expect(feed.items[1]!.html).toBe('Plain &lt;not html&gt;');
  });

  test('RSS 0.91 without namespaces and Atom 0.3 are read too', () => {
    const rss091 = `<rss version="0.91"><channel><title>Old</title><link>http://o.example/</link>
      <item><title>One</title><link>http://o.example/1</link><description>Text</description></item></channel></rss>`;
    expect(parse(rss091).items[0]).toMatchObject({
      externalId: 'http://o.example/1',
      text: 'Text',
    });
    const atom03 = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old atom</title>
      <entry><id>a03</id><title>T</title><link rel="alternate" type="text/html" href="http://o.example/a"/>
      <issued>2026-09-01T10:00:00Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`;
    expect(parse(atom03).items[0]).toMatchObject({
      externalId: 'a03',
      url: 'http://o.example/a',
      html: '<p>Hi</p>',
      publishedAt: '2026-09-01T10:00:00.000Z',
    });
  });

  test('F5/H12: an HTML page is "not a feed", never a feed with zero items', () => {
    const error = parseError(HTML_PAGE);
    expect(error.code).toBe('not-a-feed');
    expect(error.message).toMatch(/web page/);
  });

  test('an empty or whitespace body is an "empty" error', () => {
    expect(parseError('  \n ').code).toBe('empty-body');
  });

  test('JSON that is not a JSON Feed and plain text are "not a feed"', () => {
    expect(parseError('{"hello": 1}').code).toBe('not-a-feed');
    expect(parseError('{oops').code).toBe('not-a-feed');
    expect(parseError('just words').code).toBe('not-a-feed');
  });
});

describe('malformed XML', () => {
  test('M1: a bare ampersand in a title is kept as text', () => {
    const feed = parse(rss('<item><guid>1</guid><title>A & E waits</title></item>'));
    expect(feed.items[0]!.title).toBe('A & E waits');
  });

  test('M2: HTML entities without a DTD are decoded', () => {
    const feed = parse(rss('<item><guid>1</guid><title>Caf&eacute;&nbsp;&pound;5</title></item>'));
    expect(feed.items[0]!.title).toBe('Café £5');
  });

  test('M3: a truncated document still yields the items it contains', () => {
    const whole = rss([1, 2, 3].map((n) => rssItem(n)).join(''));
    const cut = whole.slice(0, whole.indexOf('<item>', whole.indexOf('story-2')) + 40);
    const feed = parse(cut);
    expect(feed.items.map((i) => i.externalId).slice(0, 2)).toEqual(['story-1', 'story-2']);
  });

  test('M4: an unclosed <img> in a non-CDATA description keeps the text around it', () => {
    const feed = parse(
      rss('<item><guid>1</guid><description>Before <img src="/x.png"> after</description></item>'),
    );
    expect(feed.items[0]!.text).toBe('Before after');
    expect(feed.items[0]!.html).toBe('Before <img data-src="https://gazette.example/x.png"> after');
  });

  test('M5: garbage or a second root after the feed is ignored', () => {
    const feed = parse(
      `${SIMPLE_RSS}<rss><channel><item><guid>x</guid></item></channel></rss>trailing`,
    );
    expect(feed.items).toHaveLength(3);
  });

  test('M6: a CDATA section with a nested ]]> keeps the text before and after', () => {
    const feed = parse(
      rss('<item><guid>1</guid><description><![CDATA[a ]]> b]]></description></item>'),
    );
    expect(feed.items[0]!.text).toBe('a b]]>');
  });
});

describe('URLs', () => {
  test('U1: relative links resolve against xml:base', () => {
    const feed = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example/dir/"><entry xml:base="sub/"><id>1</id><link href="page.html"/><content type="html">&lt;a href="x"&gt;x&lt;/a&gt;</content></entry></feed>`,
    );
    expect(feed.items[0]!.url).toBe('https://base.example/dir/sub/page.html');
    expect(feed.items[0]!.html).toContain('href="https://base.example/dir/sub/x"');
  });

  test('U2: with no base, links resolve against the channel link, then the feed URL', () => {
    const withChannel = parse(rss('<item><guid>1</guid><link>/a</link></item>'));
    expect(withChannel.items[0]!.url).toBe('https://gazette.example/a');
    const bare = parse('<rss><channel><item><guid>1</guid><link>/b</link></item></channel></rss>');
    expect(bare.items[0]!.url).toBe('https://feeds.example/b');
  });

  test('U3: protocol-relative links take the scheme of their base', () => {
    const feed = parse(rss('<item><guid>1</guid><link>//cdn.example/p</link></item>'));
    expect(feed.items[0]!.url).toBe('https://cdn.example/p');
  });

  test('U4: javascript: and data: links are dropped', () => {
    const feed = parse(
      rss(`<item><guid>1</guid><link>javascript:alert(1)</link></item>
      <item><guid>2</guid><link>data:text/html,hi</link></item>`),
    );
    expect(feed.items.map((i) => i.url)).toEqual([null, null]);
  });

  test('Reddit entries: /u/ prefix dropped from authors, links kept', () => {
    const feed = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><author><name>/u/nurse_jo</name></author><id>t3_1abcde</id><link href="https://www.reddit.com/r/uk/comments/1abcde/x/"/><title>Northshire A&amp;E waits</title><content type="html">&lt;div class="md"&gt;&lt;p&gt;Waited 14 hours&lt;/p&gt;&lt;/div&gt;</content></entry></feed>`,
    );
    expect(feed.items[0]).toMatchObject({
      author: 'nurse_jo',
      externalId: 't3_1abcde',
      text: 'Waited 14 hours',
    });
  });

  test('Google Alerts redirector links are unwrapped to the article', () => {
    const feed = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:google.com,2013:googlealerts/feed:1</id><link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/a&amp;ct=ga"/><title type="html">&lt;b&gt;Northshire&lt;/b&gt; story</title></entry></feed>`,
    );
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/a',
      title: 'Northshire story',
    });
  });
});

describe('content', () => {
  test('C1: scripts, handlers, frames, styles, pixels and javascript links are gone', () => {
    const hostile = `<p onclick="steal()">Hi<script>alert(1)</script><style>p{}</style>
      <iframe src="https://evil.example"></iframe><img src="https://t.example/p.gif" width="1" height="1">
      <a href="javascript:alert(1)">click</a><a href="https://ok.example/">ok</a></p>`;
    const feed = parse(
      rss(`<item><guid>1</guid><description><![CDATA[${hostile}]]></description></item>`),
    );
    const { html, text } = feed.items[0]!;
    expect(html).toBe(
      '<p>Hi\n      \n      <a>click</a><a href="https://ok.example/" rel="nofollow noopener noreferrer">ok</a></p>',
    );
    expect(text).toBe('Hi clickok');
  });
});

describe('identity', () => {
  test('I1: items that all share one guid are told apart by their links', () => {
    const items = [1, 2, 3]
      .map((n) => `<item><guid>same</guid><link>https://x.example/${n}</link></item>`)
      .join('');
    expect(parse(rss(items)).items.map((i) => i.externalId)).toEqual([
      'https://x.example/1',
      'https://x.example/2',
      'https://x.example/3',
    ]);
  });

  test('I2: with no guid the link is the id', () => {
    const feed = parse(rss('<item><link>https://x.example/only-link</link></item>'));
    expect(feed.items[0]!.externalId).toBe('https://x.example/only-link');
  });

  test('I3: with neither guid nor link the id is a hash of the content, stable across polls', () => {
    const doc = rss('<item><title>T</title><description>Body</description></item>');
    const first = parse(doc).items[0]!.externalId;
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parse(doc).items[0]!.externalId).toBe(first);
  });

  test('I4: more than 5% blank guids is reported, and each bad item falls back on its own', () => {
    const items = Array.from({ length: 10 }, (_, n) =>
      n < 2
        ? `<item><link>https://x.example/${n}</link></item>`
        : `<item><guid>g${n}</guid><link>https://x.example/${n}</link></item>`,
    ).join('');
    const feed = parse(rss(items));
    expect(feed.items.map((i) => i.externalId).slice(0, 3)).toEqual([
      'https://x.example/0',
      'https://x.example/1',
      'g2',
    ]);
    expect(feed.warnings?.[0]).toMatch(/2 of 10 items have a missing or repeated id/);
  });

  test('I5: an edited item keeps its id while its text changes', () => {
    const before = parse(rss('<item><guid>e1</guid><description>First</description></item>'));
    const after = parse(rss('<item><guid>e1</guid><description>Edited</description></item>'));
    expect(after.items[0]!.externalId).toBe(before.items[0]!.externalId);
    expect(after.items[0]!.text).toBe('Edited');
  });

  test('I6: an item that disappears and comes back has the same id', () => {
    const one = parse(rss(rssItem(1) + rssItem(2)));
    const back = parse(rss(rssItem(3) + rssItem(1)));
    expect(back.items[1]!.externalId).toBe(one.items[0]!.externalId);
  });

  test('the same item twice in one document is returned once', () => {
    expect(parse(rss(rssItem(1) + rssItem(1))).items).toHaveLength(1);
  });
});

describe('threads', () => {
  test('WordPress comment feeds link each comment (and pingback) to its post', () => {
    const feed = parse(WORDPRESS_COMMENTS);
    expect(feed.items.map((i) => [i.parentExternalId, i.rootExternalId])).toEqual([
      ['https://news.example/?p=123', 'https://news.example/?p=123'],
      ['https://news.example/?p=123', 'https://news.example/?p=123'],
    ]);
    expect(feed.items[0]).toMatchObject({ author: 'Pat', text: 'Terrible wait at Northshire' });
    expect(feed.items[1]!.text).toBe('[…] as reported by the gazette […]');
  });

  test('wfw:commentRss on a post is captured as its comment feed', () => {
    const feed = parse(
      rss(
        '<item><guid>p1</guid><wfw:commentRss xmlns:wfw="http://wellformedweb.org/CommentAPI/">https://news.example/p1/feed/</wfw:commentRss></item>',
      ),
    );
    expect(feed.commentFeeds).toEqual([{ externalId: 'p1', url: 'https://news.example/p1/feed/' }]);
  });
});

describe('dates', () => {
  const dated = (raw: string) =>
    parse(rss(`<item><guid>1</guid><pubDate>${raw}</pubDate></item>`)).items[0]!;

  test('D1-D4: lenient forms are parsed and the raw value kept', () => {
    expect(dated('14 Jan 2026 16:33 +0000')).toMatchObject({
      publishedAt: '2026-01-14T16:33:00.000Z',
      publishedRaw: '14 Jan 2026 16:33 +0000',
    });
    expect(dated('Mon, 01 Sep 26 10:00:00 GMT').publishedAt).toBe('2026-09-01T10:00:00.000Z');
    expect(dated('Tue, 01 Sep 2026 10:00:00').publishedAt).toBe('2026-09-01T10:00:00.000Z');
    expect(dated('2026-09-01T11:00:00+01:00').publishedAt).toBe('2026-09-01T10:00:00.000Z');
  });

  test('D5: a date far in the future becomes the fetch time, raw kept', () => {
    expect(dated('Fri, 01 Jan 2100 00:00:00 GMT')).toMatchObject({
      publishedAt: '2026-09-10T00:00:00.000Z',
      publishedRaw: 'Fri, 01 Jan 2100 00:00:00 GMT',
    });
  });

  test('D6: a missing or unreadable date is null', () => {
    expect(parse(rss('<item><guid>1</guid></item>')).items[0]!.publishedAt).toBeNull();
    expect(dated('sometime soon')).toMatchObject({
      publishedAt: null,
      publishedRaw: 'sometime soon',
    });
  });
});

describe('caps', () => {
  test('X11: huge fields are truncated and item count is capped', () => {
    const title = 'T'.repeat(5_000_000);
    const feed = parse(rss(`<item><guid>big</guid><title>${title}</title></item>`));
    expect(feed.items[0]!.title).toHaveLength(2048);
    const many = rss(
      Array.from({ length: 1500 }, (_, n) => `<item><guid>${n}</guid></item>`).join(''),
    );
    const capped = parse(many);
    expect(capped.items).toHaveLength(1000);
    expect(capped.warnings).toContain('feed has 1500 items; only the first 1000 were read');
  });
});
