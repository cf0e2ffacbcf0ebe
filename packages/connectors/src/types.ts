import type { NormalizedMention } from '@barometer/core';

export interface HttpTimeouts {
  /** TCP (and TLS) connection established. */
  connectMs: number;
  /** Response headers received, counted from the start of each hop. */
  headersMs: number;
  /** Longest silence allowed while the body streams in (slow-loris guard). */
  bodyIdleMs: number;
  /** Whole exchange, every redirect hop included. */
  totalMs: number;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * What the guarded client may do. Private, loopback, link-local, CGNAT, multicast and reserved
 * addresses are refused unless `allowPrivate` is true (an operator's choice, like Miniflux's
 * FETCHER_ALLOW_PRIVATE_NETWORKS) or the address falls in one of `allowedCidrs` (a narrower
 * exception, e.g. one intranet feed server: "10.20.0.0/16", "127.0.0.1/32").
 */
export interface HttpPolicy {
  allowPrivate: boolean;
  allowedCidrs?: string[];
  userAgent?: string;
  timeouts?: Partial<HttpTimeouts>;
  /** Cap on the decoded (decompressed) body. */
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Name resolution, injectable so tests can map a hostname to loopback. Defaults to dns.lookup. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
}

/** From Retry-After / Cache-Control / Expires / RSS ttl. */
export interface CacheHints {
  retryAfterSeconds: number | null;
  maxAgeSeconds: number | null;
}

/** A thread link the feed advertises: where the comments on one item live. */
export interface CommentFeedLink {
  externalId: string;
  url: string;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  url: string | null;
  items: NormalizedMention[];
  /** RSS `<ttl>` in seconds, when the feed gives one. */
  ttlSeconds?: number | null;
  /** `wfw:commentRss` / Atom `link rel="replies"` per item, for following comment threads. */
  commentFeeds?: CommentFeedLink[];
  /** Things a person may want to know (identity degraded, items dropped at the cap...). */
  warnings?: string[];
}

export type FeedPollResult =
  | { status: 'not-modified'; validators: FeedValidators; cache: CacheHints }
  | {
      status: 'ok';
      feed: ParsedFeed;
      validators: FeedValidators;
      cache: CacheHints;
      finalUrl: string;
    };
