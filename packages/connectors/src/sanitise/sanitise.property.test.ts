import { ConnectorError } from '@barometer/http';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SIMPLE_RSS } from '../../test/support/feeds.ts';
import { parseFeed } from '../feed/parse-feed.ts';
import { streamTags } from '../markup/tag-stream.ts';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from './policy.ts';
import { sanitiseHtml } from './sanitise-html.ts';

const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:x">',
  '<iframe src=//evil>',
  '<svg onload=alert(1)>',
  '<style>*{}</style>',
  '<form action=/x>',
  '"><script>',
  "'><img src=x>",
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&lt;script&gt;',
  '&#x6A;avascript:',
  '<math><mi xlink:href="javascript:1">',
  '<a href="data:text/html,x">',
  '</textarea><script>',
  '<noscript><p title="</noscript><img src=x onerror=1>">',
  '<p',
  '</',
  '<object data=x>',
  '<base href=//evil>',
  '<meta http-equiv=refresh content=0>',
  '&',
  '<',
];

const hostileHtml = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 20 })), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

/** Re-parses sanitised output and checks every tag, attribute and URL against the policy. */
function assertSafe(html: string): void {
  streamTags(html, false, {
    open(name, attrs) {
      expect(ALLOWED_TAGS.has(name), `tag ${name}`).toBe(true);
      for (const [key, value] of Object.entries(attrs)) {
        const allowed = [...(ALLOWED_ATTRIBUTES[name] ?? []), 'rel', 'data-src'];
        expect(allowed, `attribute ${key} on ${name}`).toContain(key);
        if (key === 'href' || key === 'src' || key === 'cite' || key === 'data-src') {
          expect(value).toMatch(/^(https?:|mailto:)/);
        }
      }
    },
    close() {},
    text() {},
  });
  expect(html).not.toMatch(/<script|<iframe|<style|\son\w+=/i);
}

describe('property: the sanitiser never outputs unsafe HTML', () => {
  test('any mix of hostile fragments sanitises to allow-listed, idempotent HTML', () => {
    fc.assert(
      fc.property(hostileHtml, (input) => {
        const { html, text } = sanitiseHtml(input, 'https://site.example/');
        assertSafe(html);
        expect(sanitiseHtml(html, 'https://site.example/').html).toBe(html);
        expect(text.length).toBeLessThanOrEqual(input.length);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Byte-level mutations of a realistic feed: truncate, flip, drop, duplicate, splice hostile. */
const mutatedFeed = fc
  .tuple(
    fc.array(
      fc.record({
        kind: fc.constantFrom('truncate', 'flip', 'delete', 'insert', 'duplicate'),
        at: fc.nat(),
        length: fc.nat({ max: 200 }),
        fragment: fc.constantFrom(
          ...HOSTILE_FRAGMENTS,
          '<item>',
          '</item>',
          '</channel>',
          '\u0000',
          '\uFFFE',
        ),
      }),
      { maxLength: 8 },
    ),
  )
  .map(([mutations]) => {
    let doc = SIMPLE_RSS;
    for (const m of mutations) {
      const at = m.at % (doc.length + 1);
      if (m.kind === 'truncate') doc = doc.slice(0, at);
      else if (m.kind === 'flip')
        doc =
          doc.slice(0, at) +
          String.fromCharCode(doc.charCodeAt(at) ^ 0x20 || 1) +
          doc.slice(at + 1);
      else if (m.kind === 'delete') doc = doc.slice(0, at) + doc.slice(at + m.length);
      else if (m.kind === 'insert') doc = doc.slice(0, at) + m.fragment + doc.slice(at);
      else doc = doc.slice(0, at) + doc.slice(at, at + m.length).repeat(3) + doc.slice(at);
    }
    return doc;
  });

describe('property: the parser survives mutated feeds', () => {
  test('mutated feeds parse to safe, bounded mentions or fail with a ConnectorError', () => {
    fc.assert(
      fc.property(mutatedFeed, (doc) => {
        const bytes = new TextEncoder().encode(doc);
        let feed: ReturnType<typeof parseFeed>;
        try {
          feed = parseFeed(bytes, { url: 'https://feeds.example/' });
        } catch (error) {
          expect(error).toBeInstanceOf(ConnectorError);
          return;
        }
        let output = 0;
        for (const item of feed.items) {
          if (item.html) assertSafe(item.html);
          output += item.text.length + (item.html?.length ?? 0) + (item.title?.length ?? 0);
          expect(item.text.includes('\u0000')).toBe(false);
        }
        // Amplification oracle: what comes out is never more than a small multiple of what went in.
        expect(output).toBeLessThanOrEqual(10 * doc.length + 1000);
      }),
      { numRuns: 1000 },
    );
  });
});
