import type { NormalizedMention, SourceKind } from '@barometer/core';
import type { HttpPolicy } from '@barometer/http';
import type { CacheHints, FeedValidators } from './types.ts';

/** A source as a connector needs it: where to look, and what it remembered last time. */
export interface ConnectorSource {
  id: number;
  kind: SourceKind;
  url: string;
  /** HTTP validators (ETag, Last-Modified, body hash) from the previous poll. */
  validators: FeedValidators;
  /** What to look for on a social platform (a hashtag, a search, a subreddit); null for feeds. */
  query?: string | null;
  /**
   * The decrypted credential (token, `handle:app-password`, `client_id:secret`, API key), held in
   * memory for this call only: never logged, never put in a job payload, never returned.
   */
  credential?: string | null;
  /** Where the previous poll stopped (newest id seen, a page cursor), in the connector's format. */
  cursor?: string | null;
}

/** A place to keep sessions and tokens between polls (Redis in the worker, memory in the CLI). */
export interface SessionStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Adds one to a counter that expires `windowSeconds` after its first use; returns the count. */
  increment(key: string, windowSeconds: number): Promise<number>;
}

/** What a poll may be told besides the source: the clock, how far back, how much. */
export interface PollContext {
  now?: () => Date;
  /** Nothing published before this is fetched (default: 7 days before now). */
  since?: Date;
  /** Most items one poll collects across its pages. */
  maxItems?: number;
  sessions?: SessionStore;
  /** Daily API quota (YouTube): units already used today, and the day's allowance. */
  quota?: { usedToday: number; dailyLimit: number };
  signal?: AbortSignal;
}

/** What one poll found. Connectors never store anything: the poll job does. */
export type ConnectorPollResult =
  | { status: 'not-modified'; validators: FeedValidators; cache: CacheHints }
  | {
      status: 'ok';
      /** The source's own name for itself (a feed's title), when it gives one. */
      title: string | null;
      mentions: NormalizedMention[];
      validators: FeedValidators;
      cache: CacheHints;
      /** Things a person may want to know about this poll (items dropped at a cap, ...). */
      warnings: string[];
      /** Where to continue next time (stored on the source), when the connector keeps one. */
      cursor?: string | null;
      /** Items the platform says were deleted: hide them. */
      deletedExternalIds?: string[];
      /** API quota units this poll spent (YouTube). */
      quotaUnits?: number;
    };

/**
 * One kind of source: fetch through the guarded client (packages/http), parse, and hand back
 * normalised mentions. Failures are thrown as ConnectorError with a code and plain words.
 */
export interface Connector {
  kind: SourceKind;
  poll(
    source: ConnectorSource,
    policy: HttpPolicy,
    context?: PollContext,
  ): Promise<ConnectorPollResult>;
  /**
   * The conversation around one item (ancestors and replies), when the platform can give it.
   * Bounded in count and depth. Absent for kinds with no thread API.
   */
  thread?(
    source: ConnectorSource,
    externalId: string,
    policy: HttpPolicy,
    context?: PollContext,
  ): Promise<NormalizedMention[]>;
}

/** Where a long-lived consumer delivers what it reads, in order. */
export interface StreamSink {
  mentions(batch: NormalizedMention[]): Promise<void>;
  /** Items the platform deleted (by external id): hide them. */
  deleted(externalIds: string[]): Promise<void>;
  /** The stream's state changed (connected, reconnecting, failing with a plain reason). */
  health(state: StreamHealth): void;
  /** A position to resume from after a restart (stored in Postgres by the worker). */
  cursor(position: string): Promise<void>;
}

export type StreamHealth =
  | { status: 'connected' }
  | { status: 'reconnecting'; reason: string; attempt: number; delayMs: number };

export interface StreamOptions {
  /** Whether a post is about the trust (Jetstream carries every post on the network). */
  matches?: (text: string) => boolean;
  now?: () => Date;
  sessions?: SessionStore;
  /** Reconnect back-off (default 1 s doubling to 60 s, with jitter). */
  reconnect?: { initialMs: number; maxMs: number };
  /** A connection silent this long (no message, no ping) is dropped and reopened (default 90 s). */
  idleMs?: number;
}

export interface StreamHandle {
  stop(): Promise<void>;
}

/**
 * A source read as a stream (Bluesky Jetstream, Mastodon streaming): started once by the worker,
 * reconnecting by itself, resuming from the last cursor it reported.
 */
export interface StreamConnector {
  kind: SourceKind;
  start(
    source: ConnectorSource & { cursor: string | null },
    policy: HttpPolicy,
    sink: StreamSink,
    options?: StreamOptions,
  ): StreamHandle;
}
