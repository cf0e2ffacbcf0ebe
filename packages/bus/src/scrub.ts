import type { NormalizedMention } from '@barometer/core';
import type { Queues } from './job-producer.ts';

/** Job states whose payload can still be read from Redis (active jobs finish and are re-deleted). */
const AT_REST = ['wait', 'delayed', 'prioritized', 'failed'] as const;

/**
 * Removes matching mentions from every ingest job still held in Redis: a job left with none is
 * removed, the others are rewritten without them. Returns how many mentions were taken out.
 */
export async function scrubQueuedMentions(
  queues: Queues,
  matches: (mention: NormalizedMention, sourceId: number) => boolean,
): Promise<number> {
  const jobs = await queues.ingest.getJobs([...AT_REST]);
  let removed = 0;
  for (const job of jobs) {
    if (job.name !== 'mentions.ingest') continue;
    const data = job.data as { sourceId: number; mentions: NormalizedMention[] };
    const kept = data.mentions.filter((m) => !matches(m, data.sourceId));
    if (kept.length === data.mentions.length) continue;
    removed += data.mentions.length - kept.length;
    if (kept.length === 0) await job.remove();
    else await job.updateData({ ...data, mentions: kept });
  }
  return removed;
}
