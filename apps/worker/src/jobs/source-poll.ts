import { acquireLock, enqueueMany, publishLive, redisKeyValueStore } from '@barometer/bus';
import { type ConnectorPollResult, cleanMention, connectorFor } from '@barometer/connectors';
import {
  feedHttpPolicy,
  INGEST_BATCH_SIZE,
  type JobPayload,
  mentionMatchText,
  mentionsTrust,
  outcomeAfterFailure,
  outcomeAfterSuccess,
  quotaDay,
  roomsFor,
  YOUTUBE_DAILY_QUOTA,
} from '@barometer/core';
import {
  addQuotaUnits,
  getSource,
  getTrustProfile,
  markMentionsDeleted,
  quotaUsed,
  recordPollFailure,
  recordPollSuccess,
  savePollCursor,
} from '@barometer/db';
import { ConnectorError, hostKey } from '@barometer/http';
import type { JobContext, WorkerDeps } from '../context.ts';
import { openCredential } from '../credentials.ts';

/**
 * Short, and renewed while the request runs: a worker killed mid-request frees its hosts within
 * this, so their sources are polled again within one interval.
 */
const HOST_LOCK_TTL_MS = 6_000;
const HOST_LOCK_RENEW_MS = 2_000;
/** How long a poll waits for another poll of the same host before leaving it to the next tick. */
const HOST_LOCK_WAIT_MS = 20_000;

/**
 * Fetches one source politely (one request in flight per host across every worker, conditional
 * GET, body-hash short cut), keeps what mentions the trust, hands the items to ingest in
 * batches, and records health and the next poll: stretched by max-age/TTL/Retry-After on
 * success; exponential backoff with jitter on failure; paused after repeated failures; gone on
 * 410.
 */
export async function pollSource(
  payload: JobPayload<'source.poll'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'config' | 'redis'>,
): Promise<void> {
  const db = deps.database.pool;
  const source = await getSource(db, payload.sourceId);
  if (!source?.enabled) {
    ctx.log.info({ sourceId: payload.sourceId }, 'source gone or disabled; nothing to poll');
    return;
  }
  const log = ctx.log.child({ sourceId: source.id });
  const lock = await acquireLock(
    deps.redis,
    `${deps.config.REDIS_PREFIX}:poll-host:${hostKey(source.url)}`,
    { ttlMs: HOST_LOCK_TTL_MS, waitMs: HOST_LOCK_WAIT_MS, renewEveryMs: HOST_LOCK_RENEW_MS },
  );
  if (!lock) {
    // Still due in Postgres, so the next scheduler tick enqueues it again.
    log.info('another poll of this host is in flight; leaving this one to the next tick');
    return;
  }
  let result: ConnectorPollResult;
  const day = quotaDay(new Date());
  try {
    // The credential is opened here, in memory, for this call only: never in the job payload.
    const credential = await openCredential(db, deps.config, source.id);
    const usedToday = source.kind === 'youtube' ? await quotaUsed(db, source.id, day) : 0;
    result = await connectorFor(source.kind).poll(
      {
        id: source.id,
        kind: source.kind,
        url: source.url,
        query: source.query,
        credential,
        cursor: source.pollCursor,
        validators: {
          etag: source.etag,
          lastModified: source.lastModified,
          contentHash: source.contentHash,
        },
      },
      feedHttpPolicy(deps.config),
      {
        sessions: redisKeyValueStore(deps.redis, deps.config.REDIS_PREFIX),
        quota: { usedToday, dailyLimit: YOUTUBE_DAILY_QUOTA },
      },
    );
  } catch (error) {
    await lock.release();
    const code = error instanceof ConnectorError ? error.code : 'internal';
    const reason =
      error instanceof ConnectorError ? error.message : 'unexpected error while polling';
    const outcome = outcomeAfterFailure({
      intervalSeconds: source.pollIntervalSeconds,
      previousFailures: source.consecutiveFailures,
      permanent: error instanceof ConnectorError && error.permanent,
      retryAfterSeconds: error instanceof ConnectorError ? error.retryAfterSeconds : null,
      now: new Date(),
      random: Math.random(),
    });
    const message =
      outcome.status === 'paused'
        ? `${reason} (paused after ${outcome.consecutiveFailures} failed attempts)`
        : reason;
    await recordPollFailure(db, source.id, {
      code,
      message,
      status:
        outcome.status === 'healthy' || outcome.status === 'pending' ? 'failing' : outcome.status,
      nextPollAt: outcome.nextPollAt,
    });
    log.warn(
      { err: error, code, failures: outcome.consecutiveFailures, status: outcome.status },
      `unable to poll source ${source.id}: ${message}`,
    );
    return;
  }
  await lock.release();

  if (result.status === 'ok') {
    const profile = source.isQueryFeed ? undefined : await getTrustProfile(db);
    // Query feeds (a search) keep everything; generic feeds only what mentions the trust.
    // Every connector's text is cleaned here too, whichever connector produced it.
    const items = result.mentions
      .map(cleanMention)
      .filter(
        (item) =>
          source.isQueryFeed ||
          (profile !== undefined && mentionsTrust(mentionMatchText(item), profile)),
      );
    const batches = [];
    for (let i = 0; i < items.length; i += INGEST_BATCH_SIZE) {
      batches.push({
        payload: { sourceId: source.id, mentions: items.slice(i, i + INGEST_BATCH_SIZE) },
      });
    }
    // Enqueue before recording success: if this fails, the poll is retried by the schedule.
    await enqueueMany(deps.queues, 'mentions.ingest', batches);
    if (result.quotaUnits) await addQuotaUnits(db, source.id, day, result.quotaUnits);
    await hideDeletedUpstream(deps, source.id, result.deletedExternalIds ?? [], log);
    // The cursor moves only after the items before it are queued, so a crash loses nothing.
    if (result.cursor !== undefined) await savePollCursor(db, source.id, result.cursor);
    log.info({ items: result.mentions.length, kept: items.length }, 'polled source');
  } else {
    log.debug('source not modified');
  }
  const outcome = outcomeAfterSuccess(source.pollIntervalSeconds, result.cache, new Date());
  await recordPollSuccess(db, source.id, { ...result.validators, nextPollAt: outcome.nextPollAt });
}

/**
 * Posts the platform reports deleted are hidden at once (deleted_at) and taken off every
 * dashboard; the nightly retention job then removes their rows, text and all.
 */
async function hideDeletedUpstream(
  deps: Pick<WorkerDeps, 'database' | 'redis' | 'config'>,
  sourceId: number,
  externalIds: string[],
  log: JobContext['log'],
): Promise<void> {
  const ids = await markMentionsDeleted(deps.database.pool, sourceId, externalIds);
  if (ids.length === 0) return;
  log.info({ deleted: ids.length }, 'hid mentions deleted upstream');
  await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
    kind: 'events',
    rooms: roomsFor('mentions.read'),
    events: ids.map((mentionId) => ({ type: 'mention.deleted' as const, mentionId })),
  });
}
