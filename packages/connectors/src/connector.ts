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
    };

/**
 * One kind of source: fetch through the guarded client (packages/http), parse, and hand back
 * normalised mentions. Failures are thrown as ConnectorError with a code and plain words.
 */
export interface Connector {
  kind: SourceKind;
  poll(source: ConnectorSource, policy: HttpPolicy): Promise<ConnectorPollResult>;
}

/** Where a long-lived consumer delivers what it reads, in order. */
export interface StreamSink {
  mentions(batch: NormalizedMention[]): Promise<void>;
  /** A position to resume from after a restart (stored in Postgres by the worker). */
  cursor(position: string): Promise<void>;
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
  ): StreamHandle;
}
