import type { JobPayload } from '@barometer/core';
import { purgeMentionsOlderThan } from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';

/** The moment `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Nightly: deletes every mention collected longer ago than the retention period, and writes how
 * many to the audit log (as the system), so the trust can show it keeps patients' words no
 * longer than it needs them.
 */
export async function purgeOldMentions(
  _payload: JobPayload<'mentions.retention'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'config'>,
): Promise<void> {
  const months = deps.config.MENTION_RETENTION_MONTHS;
  const cutoff = retentionCutoff(new Date(), months);
  const deleted = await purgeMentionsOlderThan(deps.database.pool, cutoff, { months });
  ctx.log.info(
    { deleted, cutoff: cutoff.toISOString(), months },
    'retention: old mentions deleted',
  );
}
