import { expect, test } from 'vitest';
import { isNotModified } from './conditional.ts';
import { acceptsGzip } from './respond.ts';

const lastModified = new Date('2026-09-01T10:00:00Z');

test('If-None-Match matches strong, weak, listed and star forms', () => {
  for (const header of ['"v1"', 'W/"v1"', '"v0", "v1"', '*']) {
    expect(isNotModified({ 'if-none-match': header }, '"v1"', lastModified), header).toBe(true);
  }
  expect(isNotModified({ 'if-none-match': '"v2"' }, '"v1"', lastModified)).toBe(false);
});

test('If-None-Match wins over If-Modified-Since', () => {
  const headers = { 'if-none-match': '"v2"', 'if-modified-since': lastModified.toUTCString() };
  expect(isNotModified(headers, '"v1"', lastModified)).toBe(false);
});

test('If-Modified-Since compares dates and ignores garbage', () => {
  const at = (value: string) => isNotModified({ 'if-modified-since': value }, '"v1"', lastModified);
  expect(at('Tue, 01 Sep 2026 10:00:00 GMT')).toBe(true);
  expect(at('Tue, 01 Sep 2026 10:05:00 GMT')).toBe(true);
  expect(at('Tue, 01 Sep 2026 09:59:59 GMT')).toBe(false);
  expect(at('yesterday')).toBe(false);
});

test('gzip is accepted unless refused with q=0', () => {
  expect(acceptsGzip('gzip, deflate, br')).toBe(true);
  expect(acceptsGzip('br;q=1.0, gzip;q=0.5')).toBe(true);
  expect(acceptsGzip('*')).toBe(true);
  expect(acceptsGzip('gzip;q=0')).toBe(false);
  expect(acceptsGzip('identity')).toBe(false);
  expect(acceptsGzip(undefined)).toBe(false);
});
