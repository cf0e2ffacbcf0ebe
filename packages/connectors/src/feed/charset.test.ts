import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { parseFeed } from './parse-feed.ts';

const title = (body: Uint8Array, contentType: string | null = null) =>
  parseFeed(body, { contentType }).items[0]!.title;

function feedWithTitle(prolog: string, titleBytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`${prolog}<rss><channel><item><guid>1</guid><title>`, 'latin1'),
    titleBytes,
    Buffer.from('</title></item></channel></rss>', 'latin1'),
  ]);
}

describe('charset (raw bytes, never round-tripped through a JS string)', () => {
  test('E1: ISO-8859-1 with a prolog and a matching HTTP charset', () => {
    const body = feedWithTitle(
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xa3, 0x35]),
    );
    expect(title(body, 'application/rss+xml; charset=ISO-8859-1')).toBe('Café £5');
  });

  test('E2: windows-1252 with no prolog and no HTTP charset (smart quotes, pound)', () => {
    const body = feedWithTitle('', Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0xa3, 0x31]));
    expect(title(body)).toBe('\u201cHi\u201d £1');
  });

  test('E3: UTF-8 bytes under a wrong ISO-8859-1 prolog stay UTF-8', () => {
    const body = feedWithTitle(
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
      Buffer.from('Café – £5', 'utf8'),
    );
    expect(title(body)).toBe('Café – £5');
  });

  test('E4: when the HTTP charset and the prolog disagree, the HTTP charset wins', () => {
    const body = feedWithTitle(
      '<?xml version="1.0" encoding="windows-1251"?>',
      iconv.encode('Привет', 'koi8-r'),
    );
    expect(title(body, 'text/xml; charset=KOI8-R')).toBe('Привет');
  });

  test('E4: a prolog charset is used when HTTP gives none (windows-1251)', () => {
    const body = feedWithTitle(
      '<?xml version="1.0" encoding="windows-1251"?>',
      iconv.encode('Привет', 'windows-1251'),
    );
    expect(title(body)).toBe('Привет');
  });

  test('E5: a UTF-8 BOM is dropped and UTF-16LE with a BOM is decoded', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<rss><channel><item><guid>1</guid><title>Zoë</title></item></channel></rss>'),
    ]);
    expect(title(utf8)).toBe('Zoë');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(
        '<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><guid>1</guid><title>Zoë ✓</title></item></channel></rss>',
        'utf-16le',
      ),
    ]);
    expect(title(utf16)).toBe('Zoë ✓');
  });

  test('E6: invalid XML control characters are filtered, not fatal', () => {
    const body = feedWithTitle('', Buffer.from('A\u000Bb\u001Ac\u0000d', 'utf8'));
    expect(title(body)).toBe('Abcd');
  });
});
