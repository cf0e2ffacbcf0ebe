import { createHash } from 'node:crypto';
import { enqueue, publishLive } from '@barometer/bus';
import {
  type JobPayload,
  type NormalizedMention,
  redactionOptions,
  roomsFor,
  scoreMention,
} from '@barometer/core';
import {
  getMentionsByIds,
  getTrustProfile,
  refreshThreads,
  relinkThreadRoots,
  upsertMentions,
} from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';

/** Only the fields a reader sees: an edited item changes this hash and so updates its row. */
function contentHash(m: NormalizedMention): string {
  return createHash('sha256')
    .update(JSON.stringify([m.url, m.author, m.title, m.text, m.html, m.publishedAt]))
    .digest('base64url');
}

/**
 * Scores a batch, upserts it idempotently on (source, external id), then publishes what changed.
 * Running the same job twice stores nothing twice and publishes nothing the second time.
 */
export async function ingestMentions(
  payload: JobPayload<'mentions.ingest'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'redis' | 'config' | 'queues'>,
): Promise<void> {
  const profile = await getTrustProfile(deps.database.pool);
  const rows = payload.mentions.map((mention) => ({
    mention,
    contentHash: contentHash(mention),
    score: scoreMention(
      { title: mention.title, text: mention.text },
      { taxonomy: profile?.taxonomy ?? {}, redaction: redactionOptions(deps.config) },
    ),
  }));
  const result = await upsertMentions(deps.database.pool, payload.sourceId, rows);
  ctx.log.info(
    { sourceId: payload.sourceId, inserted: result.inserted, updated: result.updated },
    'ingested mentions',
  );
  if (result.changedIds.length === 0) return;
  // Attach every post to its thread, whatever order the replies came in, then refresh the
  // threads' figures (escalation detection reads them).
  const relinked = await relinkThreadRoots(
    deps.database.pool,
    payload.sourceId,
    payload.mentions.map((m) => m.externalId),
  );
  const mentions = await getMentionsByIds(deps.database.pool, result.changedIds);
  const roots = new Set([...relinked, ...mentions.map((m) => m.rootExternalId ?? m.externalId)]);
  await refreshThreads(deps.database.pool, payload.sourceId, [...roots], profile?.handles ?? []);
  // Ids only: Redis never carries the text. Each API instance loads and shapes per reader.
  const inserted = new Set(result.insertedIds);
  await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
    kind: 'events',
    rooms: roomsFor('mentions.read'),
    events: result.changedIds.map((mentionId) => ({
      type: inserted.has(mentionId) ? ('mention.created' as const) : ('mention.updated' as const),
      mentionId,
    })),
  });
  // Flagged posts go to the alert rules at once; the minute sweep catches a job lost on the way.
  const flagged = mentions.filter((m) => m.flags.safeguarding || m.flags.patientSafety);
  if (flagged.length > 0) {
    await enqueue(deps.queues, 'alerts.evaluate', { mentionIds: flagged.map((m) => m.id) });
  }
}
