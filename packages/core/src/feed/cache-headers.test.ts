import { describe, expect, test } from 'vitest';
import {
  cacheHintsFromHeaders,
  parseCacheControlMaxAge,
  parseExpires,
  parseRetryAfter,
} from './cache-headers.ts';

const now = Date.parse('2026-09-01T10:00:00Z');

describe('cache headers', () => {
  test('Retry-After in seconds or as an HTTP-date', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Tue, 01 Sep 2026 10:10:00 GMT', now)).toBe(600);
    expect(parseRetryAfter('Tue, 01 Sep 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  test('Cache-Control max-age, s-maxage and no-cache', () => {
    expect(parseCacheControlMaxAge('public, max-age=900')).toBe(900);
    expect(parseCacheControlMaxAge('private, max-age=3600')).toBe(3600);
    expect(parseCacheControlMaxAge('max-age=0, public')).toBe(0);
    expect(parseCacheControlMaxAge('no-cache')).toBe(0);
    expect(parseCacheControlMaxAge('public')).toBeNull();
  });

  test('Expires relative to the server Date, and "0" as already expired', () => {
    expect(
      parseExpires('Tue, 01 Sep 2026 11:00:00 GMT', 'Tue, 01 Sep 2026 10:30:00 GMT', now),
    ).toBe(1800);
    expect(parseExpires('Tue, 01 Sep 2026 11:00:00 GMT', null, now)).toBe(3600);
    expect(parseExpires('0', null, now)).toBe(0);
  });

  test('Cache-Control wins over Expires', () => {
    expect(
      cacheHintsFromHeaders(
        { cacheControl: 'max-age=60', expires: 'Tue, 01 Sep 2026 11:00:00 GMT', retryAfter: '5' },
        now,
      ),
    ).toEqual({ maxAgeSeconds: 60, retryAfterSeconds: 5 });
  });
});
