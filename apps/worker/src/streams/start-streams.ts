import { redisKeyValueStore } from '@barometer/bus';
import {
  compileTrustMatcher,
  feedHttpPolicy,
  type SourceKind,
  type TrustMatcher,
} from '@barometer/core';
import {
  getTrustProfile,
  listStreamSourceRecords,
  markMentionsDeleted,
  recordStreamStatus,
  saveStreamCursor,
} from '@barometer/db';
import type { Logger } from 'pino';
import type { WorkerDeps } from '../context.ts';
import { secretBoxOf } from '../credentials.ts';
import { type StreamSourceRow, startStreamRunner } from './stream-runner.ts';
import { type StreamSinkStore, streamSink } from './stream-sink.ts';

/** Kinds read as streams, and whether the stream needs the source's credential. */
const STREAM_KINDS: Partial<Record<SourceKind, { needsCredential: boolean }>> = {
  jetstream: { needsCredential: false },
  // Mastodon's streaming API needs a user token since 4.2; without one the poll covers it.
  mastodon: { needsCredential: true },
};

/**
 * The worker's stream consumers: one per enabled Jetstream source and per Mastodon source with a
 * token, resumed from the cursor in Postgres, their mentions going through the normal ingest.
 */
export function startStreams(
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'redis' | 'config'>,
  log: Logger,
  options: { refreshMs?: number; reconnect?: { initialMs: number; maxMs: number } } = {},
) {
  const db = deps.database.pool;
  const box = secretBoxOf(deps.config);
  let matcher: TrustMatcher | null = null;
  const store: StreamSinkStore = {
    saveCursor: (sourceId, cursor) => saveStreamCursor(db, sourceId, cursor),
    markDeleted: async (sourceId, ids) => (await markMentionsDeleted(db, sourceId, ids)).length,
    recordStreamHealth: (sourceId, health) =>
      recordStreamStatus(
        db,
        sourceId,
        health.status,
        health.status === 'reconnecting' ? health.reason : null,
      ),
  };
  return startStreamRunner({
    store: {
      async listStreamSources(): Promise<StreamSourceRow[]> {
        const profile = await getTrustProfile(db);
        matcher = profile ? compileTrustMatcher(profile) : null;
        const records = await listStreamSourceRecords(
          db,
          box,
          Object.keys(STREAM_KINDS) as SourceKind[],
        );
        return records
          .filter((r) => !STREAM_KINDS[r.kind]?.needsCredential || r.credential)
          .map((r) => ({
            ...r,
            validators: { etag: null, lastModified: null, contentHash: null },
          }));
      },
    },
    redis: deps.redis,
    redisPrefix: deps.config.REDIS_PREFIX,
    policy: feedHttpPolicy(deps.config),
    log,
    sessions: redisKeyValueStore(deps.redis, deps.config.REDIS_PREFIX),
    // Without a trust profile nothing on the firehose can be said to mention the trust.
    matches: (text) => matcher?.matches(text) ?? false,
    sinkFor: (source, sourceLog) =>
      streamSink(source.id, { queues: deps.queues, store, log: sourceLog }),
    ...(options.refreshMs ? { refreshMs: options.refreshMs } : {}),
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
  });
}
