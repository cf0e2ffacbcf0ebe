import type { NormalizedMention } from '@barometer/core';

export type { HttpPolicy, HttpTimeouts, ResolvedAddress } from '@barometer/http';

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
