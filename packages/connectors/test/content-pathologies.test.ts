import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollFeed } from '../src/poll-feed.ts';
import type { HttpPolicy, ParsedFeed } from '../src/types.ts';
import { ATOM, EMPTY_ATOM, HTML_PAGE, JSON_FEED, RDF, rss, SIMPLE_RSS } from './support/feeds.ts';
import { connectorError, NO_VALIDATORS } from './support/poll.ts';
import { send, startTestServer, type TestServer } from './support/test-server.ts';

// sources.md §5.2 served as 200 bodies by a real server on loopback and read through pollFeed,
// exactly as the worker reads them. (Finer-grained cases live beside the parser.)
let server: TestServer;
const policy: HttpPolicy = { allowPrivate: true, timeouts: { totalMs: 10_000 } };
let n = 0;

async function served(
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<ParsedFeed> {
  const path = `/p${++n}`;
  server.route(path, send(body, { 'content-type': 'application/rss+xml', ...headers }));
  const result = await pollFeed(server.url(path), NO_VALIDATORS, policy);
  if (result.status !== 'ok') throw new Error('expected a parsed feed');
  return result.feed;
}

const item = (inner: string) => rss(`<item><guid>i</guid>${inner}</item>`);
const raw = (prolog: string, title: Buffer) =>
  Buffer.concat([
    Buffer.from(`${prolog}<rss><channel><item><guid>1</guid><title>`),
    title,
    Buffer.from('</title></item></channel></rss>'),
  ]);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('encodings (raw bytes)', () => {
  test.each([
    [
      'E1 ISO-8859-1 declared both ways',
      raw('<?xml version="1.0" encoding="ISO-8859-1"?>', Buffer.from([0x43, 0x61, 0x66, 0xe9])),
      { 'content-type': 'text/xml; charset=iso-8859-1' },
      'Café',
    ],
    [
      'E2 windows-1252, no label at all',
      raw('', Buffer.from([0x93, 0x4e, 0x48, 0x53, 0x94, 0x20, 0xa3, 0x35])),
      { 'content-type': 'text/xml' },
      '\u201cNHS\u201d £5',
    ],
    [
      'E3 UTF-8 under a wrong prolog',
      raw('<?xml version="1.0" encoding="ISO-8859-1"?>', Buffer.from('Café £5', 'utf8')),
      {},
      'Café £5',
    ],
    [
      'E4 HTTP charset beats the prolog',
      raw('<?xml version="1.0" encoding="utf-8"?>', iconv.encode('Zoë', 'latin1')),
      { 'content-type': 'text/xml; charset=latin1' },
      'Zoë',
    ],
    [
      'E5 UTF-8 BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), raw('', Buffer.from('Zoë'))]),
      {},
      'Zoë',
    ],
    [
      'E5 UTF-16LE BOM',
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(
          '<rss><channel><item><guid>1</guid><title>Zoë ✓</title></item></channel></rss>',
          'utf-16le',
        ),
      ]),
      {},
      'Zoë ✓',
    ],
    ['E6 control characters', raw('', Buffer.from('a\u000Bb\u001Ac')), {}, 'abc'],
  ])('%s', async (_name, body, headers, title) => {
    expect((await served(body, headers)).items[0]!.title).toBe(title);
  });
});

describe('malformed XML', () => {
  test.each([
    ['M1 bare &', item('<title>A & E</title>'), 'A & E'],
    ['M2 HTML entities', item('<title>&nbsp;Caf&eacute; &pound;5</title>'), 'Café £5'],
  ])('%s', async (_name, body, title) => {
    expect((await served(body)).items[0]!.title).toBe(title);
  });

  test('M3 truncated document keeps its complete items', async () => {
    const feed = await served(SIMPLE_RSS.slice(0, SIMPLE_RSS.indexOf('story-3')));
    expect(feed.items.map((i) => i.externalId).slice(0, 2)).toEqual(['story-1', 'story-2']);
  });

  test('M4 unclosed <img> in a plain description', async () => {
    expect(
      (await served(item('<description>a <img src="/x.png"> b</description>'))).items[0]!.text,
    ).toBe('a b');
  });

  test('M5 garbage after the root', async () => {
    expect((await served(`${SIMPLE_RSS}\n<junk>trailing`)).items).toHaveLength(3);
  });

  test('M6 CDATA with a nested ]]>', async () => {
    expect(
      (await served(item('<description><![CDATA[x ]]> y]]></description>'))).items[0]!.text,
    ).toBe('x y]]>');
  });
});

describe('entity attacks (bounded, never expanded)', () => {
  test.each([
    [
      'X1 billion laughs',
      `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${item('<title>&c;</title>')}`,
      '&c;',
    ],
    [
      'X2 one big entity, many refs',
      `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(10_000)}">]>${item(`<title>${'&big;'.repeat(400)}</title>`)}`,
      '&big;'.repeat(400),
    ],
    [
      'X4 XXE',
      `<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>${item('<title>&x;</title>')}`,
      '&x;',
    ],
    [
      'X5 parameter entity',
      `<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/"> %p;]>${item('<title>ok</title>')}`,
      'ok',
    ],
  ])('%s', async (_name, body, title) => {
    expect((await served(body)).items[0]!.title).toBe(title);
  });

  test('X3 a million numeric references decode one-to-one, capped', async () => {
    const feed = await served(item(`<description>${'&#65;'.repeat(1_000_000)}</description>`));
    expect(feed.items[0]!.text.length).toBe(100_000);
  });
});

describe('identity across polls', () => {
  test('I1 shared guid -> links; I2 no guid -> link; I3 nothing -> content hash', async () => {
    const shared = await served(
      rss(
        '<item><guid>s</guid><link>https://x.example/1</link></item><item><guid>s</guid><link>https://x.example/2</link></item>',
      ),
    );
    expect(shared.items.map((i) => i.externalId)).toEqual([
      'https://x.example/1',
      'https://x.example/2',
    ]);
    expect(
      (await served(rss('<item><link>https://x.example/l</link></item>'))).items[0]!.externalId,
    ).toBe('https://x.example/l');
    expect((await served(rss('<item><title>only</title></item>'))).items[0]!.externalId).toMatch(
      /^sha256:/,
    );
  });

  test('I4 many blank guids is flagged', async () => {
    const body = rss(
      Array.from({ length: 10 }, (_, k) =>
        k < 3
          ? `<item><link>https://x.example/${k}</link></item>`
          : `<item><guid>g${k}</guid></item>`,
      ).join(''),
    );
    expect((await served(body)).warnings?.[0]).toMatch(/3 of 10 items/);
  });

  test('I5 an edit keeps the id; I6 a reappearing item keeps the id', async () => {
    const path = `/edit${++n}`;
    let body = rss(
      '<item><guid>e</guid><description>first</description></item><item><guid>f</guid></item>',
    );
    server.route(path, (req, res) => send(body)(req, res));
    const first = await pollFeed(server.url(path), NO_VALIDATORS, policy);
    body = rss('<item><guid>e</guid><description>edited</description></item>');
    const edited = await pollFeed(server.url(path), first.validators, policy);
    body = rss(
      '<item><guid>f</guid></item><item><guid>e</guid><description>edited</description></item>',
    );
    const back = await pollFeed(server.url(path), edited.validators, policy);
    if (first.status !== 'ok' || edited.status !== 'ok' || back.status !== 'ok')
      throw new Error('expected content');
    expect(edited.feed.items[0]).toMatchObject({ externalId: 'e', text: 'edited' });
    expect(back.feed.items.map((i) => i.externalId)).toEqual(['f', 'e']);
  });
});

describe('URLs, content and dates', () => {
  test('U1-U4 xml:base, channel link, protocol-relative, javascript:', async () => {
    const feed = await served(
      rss(`<item xml:base="https://base.example/d/"><guid>1</guid><link>p</link></item>
        <item><guid>2</guid><link>/q</link></item><item><guid>3</guid><link>//cdn.example/r</link></item>
        <item><guid>4</guid><link>javascript:alert(1)</link></item>`),
    );
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://base.example/d/p',
      'https://gazette.example/q',
      'https://cdn.example/r',
      null,
    ]);
  });

  test('C1 hostile markup is dropped from the stored html', async () => {
    const feed = await served(
      item(
        `<description><![CDATA[<script>x()</script><p onerror="y()">ok<iframe src="//evil"></iframe><style>*{}</style><img src="/t.gif" width="1" height="1"><a href="javascript:z()">l</a></p>]]></description>`,
      ),
    );
    expect(feed.items[0]!.html).toBe('<p>ok<a>l</a></p>');
  });

  test('H1 NUL, controls and bidi overrides are stripped from every field, whatever the format', async () => {
    const json = await served(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J\u0000',
        items: [
          {
            id: 'n1',
            title: 'Ward \u202Eesolc\u202C report',
            content_text: 'A\u0000&E \u0007wait \u2066iso\u2069',
            authors: [{ name: '\u202Enimda' }],
          },
        ],
      }),
      { 'content-type': 'application/feed+json' },
    );
    expect(json.items[0]).toMatchObject({
      title: 'Ward esolc report',
      text: 'A&E wait iso',
      author: 'nimda',
    });
    const xml = await served(item('<title>Ward &#x202E;esolc&#x202C; report</title>'));
    expect(xml.items[0]!.title).toBe('Ward esolc report');
  });

  test('D1-D6 dates parse leniently and keep the raw value', async () => {
    const dates = [
      '14 Jan 2026 16:33 +0000',
      'Mon, 01 Sep 26 10:00:00 GMT',
      'Tue, 01 Sep 2026 10:00:00',
      '2026-09-01T11:00:00+01:00',
      'Fri, 01 Jan 2100 00:00:00 GMT',
    ];
    const feed = await served(
      rss(
        `${dates.map((d, k) => `<item><guid>${k}</guid><pubDate>${d}</pubDate></item>`).join('')}<item><guid>none</guid></item>`,
      ),
    );
    const at = feed.items.map((i) => i.publishedAt);
    expect(at.slice(0, 4)).toEqual([
      '2026-01-14T16:33:00.000Z',
      '2026-09-01T10:00:00.000Z',
      '2026-09-01T10:00:00.000Z',
      '2026-09-01T10:00:00.000Z',
    ]);
    expect(Date.parse(at[4]!)).toBeLessThanOrEqual(Date.now());
    expect(feed.items[4]!.publishedRaw).toBe('Fri, 01 Jan 2100 00:00:00 GMT');
    expect(at[5]).toBeNull();
  });
});

describe('formats', () => {
  test.each([
    ['F1 RSS 2.0', SIMPLE_RSS, 'rss', 3],
    ['F2 Atom 1.0', ATOM, 'atom', 2],
    ['F2 empty Atom', EMPTY_ATOM, 'atom', 0],
    ['F3 RDF', RDF, 'rdf', 1],
    ['F4 JSON Feed', JSON_FEED, 'json', 2],
  ])('%s', async (_name, body, format, count) => {
    const feed = await served(body, {
      'content-type': format === 'json' ? 'application/feed+json' : 'application/xml',
    });
    expect([feed.format, feed.items.length]).toEqual([format, count]);
  });

  test('F5 an HTML page is not a feed (discovery finds its feeds instead)', async () => {
    server.route('/page', send(HTML_PAGE, { 'content-type': 'text/html' }));
    expect((await connectorError(pollFeed(server.url('/page'), NO_VALIDATORS, policy))).code).toBe(
      'not-a-feed',
    );
  });
});
