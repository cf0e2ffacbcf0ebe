import { type JobName, jobCatalog } from '@barometer/core';
import type { Queues } from './job-producer.ts';

/**
 * A repeatable job: every N milliseconds, or on a cron pattern in a time zone (Europe/London
 * keeps "Monday 07:00" at 07:00 local time across the clock changes).
 */
export type Schedule =
  | { job: JobName; everyMs: number }
  | { job: JobName; cron: string; timeZone: 'Europe/London' | 'UTC' };

/** Installs (or updates in place) one BullMQ job scheduler per entry; safe to repeat. */
export async function installSchedules(queues: Queues, table: readonly Schedule[]): Promise<void> {
  for (const s of table) {
    const repeat = 'everyMs' in s ? { every: s.everyMs } : { pattern: s.cron, tz: s.timeZone };
    await queues[jobCatalog[s.job].queue].upsertJobScheduler(s.job, repeat, {
      name: s.job,
      data: {},
      opts: { removeOnComplete: true, removeOnFail: 100 },
    });
  }
}

/** When each scheduler next fires, for `barometer jobs` and tests. */
export async function nextScheduledRuns(
  queues: Queues,
  table: readonly Schedule[],
): Promise<{ job: JobName; next: Date | null }[]> {
  return Promise.all(
    table.map(async (s) => {
      const scheduler = await queues[jobCatalog[s.job].queue].getJobScheduler(s.job);
      return { job: s.job, next: scheduler?.next ? new Date(scheduler.next) : null };
    }),
  );
}
