import { enqueueMany, type Queues } from '@barometer/bus';
import type { StreamHealth, StreamSink } from '@barometer/connectors';
import { INGEST_BATCH_SIZE, type NormalizedMention } from '@barometer/core';
import type { Logger } from 'pino';

/** Where a stream's side effects land in Postgres. */
export interface StreamSinkStore {
  saveCursor(sourceId: number, cursor: string): Promise<void>;
  markDeleted(sourceId: number, externalIds: string[]): Promise<number>;
  recordStreamHealth(sourceId: number, health: StreamHealth): Promise<void>;
}

/** Mentions wait at most this long to be batched into one ingest job. */
const FLUSH_MS = 500;

/**
 * A stream's sink: mentions are batched into `mentions.ingest` jobs (the same path as polls),
 * deletions hide the stored rows, and the cursor is written only after every mention before it
 * is safely queued, so a crash resumes from a point that loses nothing.
 */
export function streamSink(
  sourceId: number,
  deps: { queues: Queues; store: StreamSinkStore; log: Logger },
): StreamSink & { close(): Promise<void> } {
  let pending: NormalizedMention[] = [];
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    chain = chain.then(async () => {
      if (batch.length === 0) return;
      const jobs = [];
      for (let i = 0; i < batch.length; i += INGEST_BATCH_SIZE) {
        jobs.push({ payload: { sourceId, mentions: batch.slice(i, i + INGEST_BATCH_SIZE) } });
      }
      await enqueueMany(deps.queues, 'mentions.ingest', jobs);
    });
    return chain;
  };

  return {
    async mentions(batch) {
      pending.push(...batch);
      if (pending.length >= INGEST_BATCH_SIZE) await flush();
      else
        timer ??= setTimeout(
          () =>
            void flush().catch((err: unknown) =>
              deps.log.warn({ err }, 'unable to queue streamed mentions'),
            ),
          FLUSH_MS,
        );
    },
    async deleted(externalIds) {
      await flush();
      const hidden = await deps.store.markDeleted(sourceId, externalIds);
      if (hidden > 0) deps.log.info({ hidden }, 'deleted on the platform: hidden');
    },
    health(state) {
      if (state.status === 'reconnecting')
        deps.log.warn(
          { reason: state.reason, attempt: state.attempt, delayMs: state.delayMs },
          'stream reconnecting',
        );
      else deps.log.info('stream connected');
      deps.store
        .recordStreamHealth(sourceId, state)
        .catch((err: unknown) => deps.log.warn({ err }, 'unable to record stream health'));
    },
    async cursor(position) {
      await flush();
      await deps.store.saveCursor(sourceId, position);
    },
    async close() {
      await flush();
    },
  };
}
