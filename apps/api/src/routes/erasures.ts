import { createQueues, publishLive, scrubQueuedMentions } from '@barometer/bus';
import { roomsFor } from '@barometer/core';
import { authorKey, eraseAuthorMentions } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'redis' | 'config'>;

/**
 * An admin removes one person's mentions everywhere: first from ingest jobs still waiting in
 * Redis (so none lands afterwards), then the rows with their audit entry in one transaction,
 * then off every dashboard. The audit log names a hash of the handle, not the handle.
 */
export function erase(deps: Deps): RouteHandler<'POST /api/erasures'> {
  const queues = createQueues(deps.redis, deps.config.REDIS_PREFIX);
  return async (req) => {
    const { author, sourceId } = req.body;
    const key = authorKey(author);
    const queuedRemoved = await scrubQueuedMentions(
      queues,
      (m, sid) =>
        m.author !== null &&
        authorKey(m.author) === key &&
        (sourceId === undefined || sid === sourceId),
    );
    const ids = await eraseAuthorMentions(deps.database.pool, actorOf(req), {
      author,
      sourceId: sourceId ?? null,
    });
    if (ids.length > 0) {
      await publishLive(deps.redis, deps.config.REDIS_PREFIX, {
        kind: 'events',
        rooms: roomsFor('mentions.read'),
        events: ids.map((mentionId) => ({ type: 'mention.deleted' as const, mentionId })),
      });
    }
    req.log.info({ deleted: ids.length, queuedRemoved }, 'erasure done');
    return { mentionsDeleted: ids.length, queuedRemoved };
  };
}
