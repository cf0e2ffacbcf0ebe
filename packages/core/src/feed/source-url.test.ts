import { describe, expect, test } from 'vitest';
import { normaliseSourceUrl } from './source-url.ts';

describe('two addresses for the same source', () => {
  test('match across case, default port, fragment, trailing slash, scheme and tracking tags', () => {
    const a = normaliseSourceUrl('https://News.Example.org:443/feed/?utm_source=x#top');
    expect(normaliseSourceUrl('http://news.example.org/feed')).toBe(a);
  });

  test('differ when the path or a real query differs', () => {
    expect(normaliseSourceUrl('https://news.example.org/feed?q=a')).not.toBe(
      normaliseSourceUrl('https://news.example.org/feed?q=b'),
    );
    expect(normaliseSourceUrl('https://news.example.org/Feed')).not.toBe(
      normaliseSourceUrl('https://news.example.org/feed'),
    );
  });
});
