import { describe, expect, test } from 'vitest';
import { ConnectorError } from './errors.ts';
import { nextHop, parseHttpUrl } from './guarded-fetch.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ConnectorError ? error.code : 'other';
  }
  return 'none';
};

describe('redirect rules', () => {
  test('relative and absolute Locations resolve against the current URL', () => {
    const from = new URL('https://feeds.example/a/b.xml');
    expect(nextHop(from, '../c.xml').href).toBe('https://feeds.example/c.xml');
    expect(nextHop(from, '//cdn.example/x').href).toBe('https://cdn.example/x');
  });

  test('an https to http downgrade is refused', () => {
    expect(codeOf(() => nextHop(new URL('https://feeds.example/'), 'http://feeds.example/'))).toBe(
      'redirect-refused',
    );
    expect(nextHop(new URL('http://feeds.example/'), 'https://feeds.example/').protocol).toBe(
      'https:',
    );
  });

  test.each(['file:///etc/passwd', 'ftp://x/', 'javascript:alert(1)', 'http://u:p@x.example/'])(
    'a redirect to %s is refused',
    (location) => {
      expect(codeOf(() => nextHop(new URL('http://feeds.example/'), location))).toBe(
        'redirect-refused',
      );
    },
  );
});

describe('accepted URLs', () => {
  test.each(['ftp://x/', 'file:///etc/passwd', 'http://user@x.example/', 'nonsense'])(
    '%s is a bad URL',
    (url) => {
      expect(codeOf(() => parseHttpUrl(url))).toBe('bad-url');
    },
  );

  test('http and https URLs pass', () => {
    expect(parseHttpUrl('HTTPS://Feeds.Example/rss').href).toBe('https://feeds.example/rss');
  });
});
