import { ConnectorError, pollFeed } from '@barometer/connectors';
import { INGEST_BATCH_SIZE, type JobPayload, mentionsTrust } from '@barometer/core';
import { getSource, getTrustProfile, recordPollFailure, recordPollSuccess } from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';
import { enqueueMany } from '../queues.ts';

const MAX_BACKOFF_SECONDS = 6 * 3600;

/** Fetches one source, keeps what mentions the trust, and hands the items to ingest in batches. */
export async function pollSource(
  payload: JobPayload<'source.poll'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'config'>,
): Promise<void> {
  const { db } = deps.database;
  const source = await getSource(db, payload.sourceId);
  if (!source || !source.enabled) {
    ctx.log.info({ sourceId: payload.sourceId }, 'source gone or disabled; nothing to poll');
    return;
  }
  const log = ctx.log.child({ sourceId: source.id });
  try {
    const result = await pollFeed(
      source.url,
      { etag: source.etag, lastModified: source.lastModified, contentHash: source.contentHash },
      { allowPrivate: deps.config.ALLOW_PRIVATE_FEEDS },
    );
    if (result.status === 'ok') {
      const profile = source.isQueryFeed ? undefined : await getTrustProfile(db);
      const items = result.feed.items.filter(
        (item) =>
          source.isQueryFeed ||
          (profile !== undefined && mentionsTrust(`${item.title ?? ''}\n${item.text}`, profile)),
      );
      const batches = [];
      for (let i = 0; i < items.length; i += INGEST_BATCH_SIZE) {
        batches.push({
          payload: { sourceId: source.id, mentions: items.slice(i, i + INGEST_BATCH_SIZE) },
        });
      }
      // Enqueue before recording success: if this fails, the poll is retried by the schedule.
      await enqueueMany(deps.queues, 'mentions.ingest', batches);
      log.info({ items: result.feed.items.length, kept: items.length }, 'polled source');
    } else {
      log.debug('source not modified');
    }
    await recordPollSuccess(db, source.id, {
      ...result.validators,
      nextPollAt: new Date(Date.now() + source.pollIntervalSeconds * 1000),
    });
  } catch (error) {
    const failures = source.consecutiveFailures + 1;
    const code = error instanceof ConnectorError ? error.code : 'internal';
    const message =
      error instanceof ConnectorError ? error.message : 'unexpected error while polling';
    const backoff = Math.min(source.pollIntervalSeconds * 2 ** failures, MAX_BACKOFF_SECONDS);
    const permanent = error instanceof ConnectorError && error.permanent;
    await recordPollFailure(db, source.id, {
      code,
      message,
      status: permanent ? 'gone' : 'failing',
      nextPollAt: new Date(Date.now() + backoff * 1000),
    });
    log.warn({ err: error, code, failures }, `unable to poll source ${source.id}: ${message}`);
  }
}
