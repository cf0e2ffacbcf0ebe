import { ConnectorError } from '@barometer/http';
import { describe, expect, test } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Parses and reports the output size; a ConnectorError counts as a (safe) rejection. */
function outcome(doc: string): { rejected: boolean; outputChars: number } {
  try {
    const feed = parseFeed(enc(doc), {});
    const outputChars = feed.items.reduce(
      (n, i) => n + i.text.length + (i.html?.length ?? 0) + (i.title?.length ?? 0),
      0,
    );
    return { rejected: false, outputChars };
  } catch (error) {
    if (error instanceof ConnectorError) return { rejected: true, outputChars: 0 };
    throw error;
  }
}

const lolDefs = Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
).join('\n');

describe('entity attacks are never expanded (bounded output, flat memory)', () => {
  test('X1: billion laughs stays a few literal characters', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${lolDefs}]>
      <rss><channel><item><guid>1</guid><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
    const result = outcome(doc);
    expect(result.rejected).toBe(false);
    expect(result.outputChars).toBeLessThan(doc.length);
    expect(parseFeed(enc(doc), {}).items[0]!.title).toBe('&lol9;');
  });

  test('X2: one 10 KB entity referenced 10,000 times is not expanded', () => {
    const doc = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(10_000)}">]><rss><channel><item><guid>1</guid>
      <description>${'&big;'.repeat(10_000)}</description></item></channel></rss>`;
    const feed = parseFeed(enc(doc), {});
    expect(feed.items[0]!.text).toBe('&big;'.repeat(10_000));
  });

  test('X3: a flood of a million numeric references decodes to at most one char each', () => {
    const refs = '&#65;'.repeat(1_000_000);
    const doc = `<rss><channel><item><guid>1</guid><description>${refs}</description></item></channel></rss>`;
    const before = process.memoryUsage().heapUsed;
    const feed = parseFeed(enc(doc), {});
    expect(feed.items[0]!.text.length).toBeLessThanOrEqual(100_000);
    expect(feed.items[0]!.text.startsWith('AAAA')).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });

  test('X4: an external entity (XXE) is never resolved', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <rss><channel><item><guid>1</guid><description>&xxe;</description></item></channel></rss>`;
    const feed = parseFeed(enc(doc), {});
    expect(feed.items[0]!.text).toBe('&xxe;');
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  test('X5: parameter entities are inert', () => {
    const doc = `<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>
      <rss><channel><item><guid>1</guid><title>ok</title></item></channel></rss>`;
    expect(parseFeed(enc(doc), {}).items[0]!.title).toBe('ok');
  });

  test('X6: 100,000 nested elements neither crash nor recurse without bound', () => {
    const deep = `${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}`;
    const doc = `<rss><channel><item><guid>1</guid><description>${deep}</description></item></channel></rss>`;
    const feed = parseFeed(enc(doc), {});
    expect(feed.items).toHaveLength(1);
    const tenThousand = `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`;
    const escaped = `<rss><channel><item><guid>1</guid><description><![CDATA[${tenThousand}]]></description></item></channel></rss>`;
    const html = parseFeed(enc(escaped), {}).items[0]!.html ?? '';
    expect(html).toContain('deep');
    expect(html.split('<div>').length - 1).toBeLessThanOrEqual(100);
  });
});
