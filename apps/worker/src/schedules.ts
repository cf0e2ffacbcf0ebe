import type { JobName } from '@barometer/core';
import { jobCatalog } from '@barometer/core';
import type { Queues } from './queues.ts';

/** Every repeatable job, in one table. */
export const schedules: { job: JobName; everyMs: number }[] = [
  { job: 'sources.schedule', everyMs: 2_000 },
];

export async function installSchedules(queues: Queues): Promise<void> {
  for (const s of schedules) {
    await queues[jobCatalog[s.job].queue].upsertJobScheduler(
      s.job,
      { every: s.everyMs },
      { name: s.job, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
