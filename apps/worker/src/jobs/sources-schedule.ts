import { claimEpoch, enqueueMany, recordHeartbeat, schedulerHeartbeatKey } from '@barometer/bus';
import { type JobPayload, pollJobId } from '@barometer/core';
import { forgetValidators, listDueSources } from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';

/** Sources claimed per tick; the rest wait for the next tick, oldest first. */
const MAX_SOURCES_PER_TICK = 2000;

/**
 * A key that lives as long as Redis keeps its state. When it is missing, Redis is new or lost its
 * data, and with it any ingest jobs in flight: every source is refetched in full.
 */
export function redisEpochKey(prefix: string): string {
  return `${prefix}:state-epoch`;
}

/**
 * Postgres holds the schedule (`next_poll_at`); this tick turns due rows into jobs. The job id is
 * the source id, so a source already waiting or in flight is never enqueued twice, and if Redis
 * loses its state the next tick rebuilds the work from Postgres.
 */
export async function schedulePolls(
  _payload: JobPayload<'sources.schedule'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'redis' | 'config'>,
): Promise<void> {
  if (await claimEpoch(deps.redis, redisEpochKey(deps.config.REDIS_PREFIX))) {
    const reset = await forgetValidators(deps.database.pool);
    ctx.log.warn({ sources: reset }, 'Redis has no earlier state: refetching every source in full');
  }
  const due = await listDueSources(deps.database.pool, new Date(), MAX_SOURCES_PER_TICK);
  // Both stores answered: the Sources page reads this to tell "polling" from "stopped".
  await recordHeartbeat(deps.redis, schedulerHeartbeatKey(deps.config.REDIS_PREFIX));
  if (due.length === 0) return;
  await enqueueMany(
    deps.queues,
    'source.poll',
    due.map((s) => ({
      payload: { sourceId: s.id },
      // A kept failed job would hold its id and silently refuse every later poll of the source
      // (BullMQ ignores an add whose id exists); the failure itself is logged by the worker.
      options: { jobId: pollJobId(s.id), removeOnFail: true },
    })),
  );
  ctx.log.debug({ due: due.length }, 'enqueued due source polls');
}
