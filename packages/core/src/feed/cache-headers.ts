/**
 * HTTP caching and rate-limit headers, read the way Miniflux and FreshRSS read them. Pure: the
 * caller passes the clock.
 */

/** Retry-After as seconds: either delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** `max-age` (or `s-maxage`) from Cache-Control; `no-cache`/`no-store` mean 0. */
export function parseCacheControlMaxAge(value: string | null | undefined): number | null {
  if (!value) return null;
  let maxAge: number | null = null;
  for (const part of value.toLowerCase().split(',')) {
    const [key, raw] = part.trim().split('=');
    if (key === 'no-store' || key === 'no-cache') return 0;
    if ((key === 'max-age' || key === 's-maxage') && raw && /^"?\d+"?$/.test(raw)) {
      const seconds = Number(raw.replaceAll('"', ''));
      maxAge = maxAge === null ? seconds : Math.max(maxAge, seconds);
    }
  }
  return maxAge;
}

/** Freshness from Expires, measured against the server's Date when it sent one. */
export function parseExpires(
  expires: string | null | undefined,
  date: string | null | undefined,
  nowMs: number,
): number | null {
  if (!expires) return null;
  const at = Date.parse(expires);
  if (!Number.isFinite(at)) return 0; // "0" and other invalid values mean already expired
  const origin = date ? Date.parse(date) : Number.NaN;
  const from = Number.isFinite(origin) ? origin : nowMs;
  return Math.max(0, Math.round((at - from) / 1000));
}

export interface CacheHeaderValues {
  retryAfter?: string | null;
  cacheControl?: string | null;
  expires?: string | null;
  date?: string | null;
}

export function cacheHintsFromHeaders(
  headers: CacheHeaderValues,
  nowMs: number,
): { retryAfterSeconds: number | null; maxAgeSeconds: number | null } {
  return {
    retryAfterSeconds: parseRetryAfter(headers.retryAfter, nowMs),
    maxAgeSeconds:
      parseCacheControlMaxAge(headers.cacheControl) ??
      parseExpires(headers.expires, headers.date, nowMs),
  };
}
