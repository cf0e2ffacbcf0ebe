import { expect, test } from 'vitest';
import { safeHttpUrl } from './safe-url.ts';

test('http and https links are kept', () => {
  expect(safeHttpUrl('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
  expect(safeHttpUrl('http://news.example/')).toBe('http://news.example/');
});

test('script, data and malformed links are dropped', () => {
  expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
  expect(safeHttpUrl(' JavaScript:alert(1)')).toBeNull();
  expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
  expect(safeHttpUrl('not a url')).toBeNull();
  expect(safeHttpUrl(null)).toBeNull();
});
