import type { Schedule } from '@barometer/bus';

/**
 * Every repeatable job, in one table: an interval, or a cron pattern in Europe/London so a
 * weekly report keeps its local hour across the clock changes.
 */
export const schedules: readonly Schedule[] = [
  { job: 'sources.schedule', everyMs: 2_000 },
  { job: 'issues.detect', cron: '* * * * *', timeZone: 'UTC' },
  // The weekly barometer for the week just ended, Monday 07:00 London time.
  { job: 'report.build', cron: '0 7 * * 1', timeZone: 'Europe/London' },
  // Retention at 03:30 London time, when nobody is triaging.
  { job: 'mentions.retention', cron: '30 3 * * *', timeZone: 'Europe/London' },
  /** The alert rules over anything ingest did not hand over, and over sources gone quiet. */
  { job: 'alerts.evaluate', everyMs: 60_000 },
  /** Ladder timers and unsent deliveries rebuilt from Postgres (a restart, a Redis loss). */
  { job: 'alerts.reconcile', everyMs: 5_000 },
];
