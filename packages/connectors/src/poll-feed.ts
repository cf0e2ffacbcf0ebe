import { cacheHintsFromHeaders } from '@barometer/core';
import type { IncomingHttpHeaders } from '@barometer/http';
import { ConnectorError, guardedFetch, httpError } from '@barometer/http';
import { sha256 } from './feed/identity.ts';
import { parseFeed } from './feed/parse-feed.ts';
import type { CacheHints, FeedPollResult, FeedValidators, HttpPolicy } from './types.ts';

/**
 * One polite poll: conditional GET with the stored validators; 304 and an unchanged body hash
 * (for servers that send no validators) both come back as 'not-modified' without parsing.
 * Throws ConnectorError for every failure; `retryAfterSeconds` and `permanent` (410) on it tell
 * the scheduler what to do.
 */
export async function pollFeed(
  url: string,
  previous: FeedValidators,
  policy: HttpPolicy,
  signal?: AbortSignal,
): Promise<FeedPollResult> {
  const headers: Record<string, string> = {};
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  const response = await guardedFetch(url, policy, signal ? { headers, signal } : { headers });
  const now = Date.now();
  const cache = cacheHints(response.headers, now);
  const etag = header(response.headers, 'etag');
  const lastModified = header(response.headers, 'last-modified');

  if (response.status === 304) {
    return {
      status: 'not-modified',
      validators: {
        etag: etag ?? previous.etag,
        lastModified: lastModified ?? previous.lastModified,
        contentHash: previous.contentHash,
      },
      cache,
    };
  }
  if (response.status < 200 || response.status >= 300)
    throw statusError(response.status, response.headers, cache);
  if (response.body.length === 0) throw new ConnectorError('empty-body');

  // Miniflux: "Expires: 0" means the validators must not be trusted next time.
  const noStore = header(response.headers, 'expires')?.trim() === '0';
  const validators: FeedValidators = {
    etag: noStore ? null : etag,
    lastModified: noStore ? null : lastModified,
    contentHash: sha256(response.body),
  };
  if (previous.contentHash && previous.contentHash === validators.contentHash) {
    return { status: 'not-modified', validators, cache };
  }
  const feed = parseFeed(response.body, {
    contentType: header(response.headers, 'content-type'),
    url: response.finalUrl,
    now,
  });
  if (feed.ttlSeconds) {
    cache.maxAgeSeconds = Math.max(cache.maxAgeSeconds ?? 0, feed.ttlSeconds);
  }
  return { status: 'ok', feed, validators, cache, finalUrl: response.finalUrl };
}

function statusError(
  status: number,
  headers: IncomingHttpHeaders,
  cache: CacheHints,
): ConnectorError {
  if (status === 403 && header(headers, 'cf-mitigated')?.toLowerCase() === 'challenge') {
    return new ConnectorError('blocked-challenge');
  }
  if (status >= 300 && status < 400) {
    return new ConnectorError('redirect-refused', {
      message: `HTTP ${status} without a usable Location`,
    });
  }
  return httpError(status, cache.retryAfterSeconds);
}

function cacheHints(headers: IncomingHttpHeaders, now: number): CacheHints {
  const hints = cacheHintsFromHeaders(
    {
      retryAfter: header(headers, 'retry-after'),
      cacheControl: header(headers, 'cache-control'),
      expires: header(headers, 'expires'),
      date: header(headers, 'date'),
    },
    now,
  );
  // Reddit announces an exhausted budget (x-ratelimit-remaining: 0.0) before it starts
  // refusing; waiting for the reset avoids the 429s and 403s that follow.
  const remaining = Number(header(headers, 'x-ratelimit-remaining') ?? Number.NaN);
  const reset = Number(header(headers, 'x-ratelimit-reset') ?? Number.NaN);
  if (remaining === 0 && Number.isFinite(reset) && reset > 0) {
    hints.retryAfterSeconds = Math.max(hints.retryAfterSeconds ?? 0, Math.ceil(reset));
  }
  return hints;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
