import { z } from 'zod';
import { SignalLevel } from '../alerts/rules.ts';
import { NormalizedMention } from '../mention.ts';
import { IsoWeek } from '../reports/iso-week.ts';

const id = z.number().int().positive();
const detectionSignal = z.object({
  level: SignalLevel,
  title: z.string().min(1).max(300),
  explanation: z.string().min(1).max(1000),
});

/**
 * Every background job: name -> queue, payload schema, retry policy, and whether a failed job is
 * kept in Redis for inspection (`keepFailed`). A payload that carries mention text is never kept
 * once it fails: Redis would otherwise hold patients' words for a day, out of reach of retention
 * and erasure. The worker's handler map is a mapped type over this catalog, so a job without a
 * handler does not compile.
 */
export const jobCatalog = {
  /** The scheduler tick: reads due sources from Postgres and enqueues their polls. */
  'sources.schedule': {
    queue: 'schedule',
    payload: z.object({}),
    attempts: 1,
    keepFailed: true,
  },
  'source.poll': {
    queue: 'poll',
    payload: z.object({ sourceId: z.number().int().positive() }),
    attempts: 1, // polling failures are recorded on the source and retried by the schedule
    keepFailed: true,
  },
  'mentions.ingest': {
    queue: 'ingest',
    payload: z.object({
      sourceId: z.number().int().positive(),
      mentions: z.array(NormalizedMention).min(1).max(500),
    }),
    attempts: 8,
    // Text: dropped on failure. The worker then forgets the source's validators, so the next
    // poll fetches the items again from the feed.
    keepFailed: false,
  },
  /** Deletes mentions older than the retention period (nightly), counts in the audit log. */
  'mentions.retention': {
    queue: 'schedule',
    payload: z.object({}),
    attempts: 3,
    keepFailed: true,
  },
  /** Re-scores stored mentions scored by an older scorer, one batch per job, oldest first. */
  'mentions.rescore': {
    queue: 'ingest',
    payload: z.object({
      scorerVersion: z.string().min(1),
      afterId: z.number().int().nonnegative(),
    }),
    attempts: 8,
    keepFailed: true,
  },
  /** The detector's minute tick: rollups from mentions, then issues opened, updated, closed. */
  'issues.detect': {
    queue: 'schedule',
    payload: z.object({}),
    attempts: 1, // the next minute's run recomputes everything it would have done
    keepFailed: true,
  },
  /**
   * The weekly barometer: stores the week's snapshot and e-mails managers. The Monday schedule
   * sends no week (the one just ended); a rebuild names the week and who asked for it.
   */
  'report.build': {
    queue: 'report',
    payload: z.object({
      week: IsoWeek.optional(),
      rebuild: z.boolean().default(false),
      requestedBy: z.number().int().positive().nullable().default(null),
    }),
    attempts: 3,
    keepFailed: true,
  },
  /**
   * Runs the alert rules: over flagged mentions just ingested, over a thread or issue detection
   * raised, or (an empty payload, the minute schedule) over everything since the last sweep and
   * every source that has gone quiet. Signals are counted once by their natural key.
   */
  'alerts.evaluate': {
    queue: 'alerts',
    payload: z
      .object({
        mentionIds: z.array(id).min(1).max(500).optional(),
        thread: detectionSignal.extend({ threadKey: z.string().min(1).max(600) }).optional(),
        issue: detectionSignal.extend({ issueId: id }).optional(),
      })
      .strict(),
    attempts: 8,
    keepFailed: false, // detection's titles may quote posts
  },
  /**
   * Sends page `page` of an alert's ladder if it is still due (Postgres says), then schedules the
   * next. A delayed job with id alert-escalate-<alert>-<page>: running it twice sends nothing twice.
   */
  'alert.escalate': {
    queue: 'alerts',
    payload: z.object({ alertId: id, page: z.number().int().nonnegative() }),
    attempts: 8,
    keepFailed: false, // its deterministic id must be free for the reconciler
  },
  /** Sends one outbox row (one message to one target) unless it was already sent. */
  'alert.deliver': {
    queue: 'alerts',
    payload: z.object({ deliveryId: id }),
    attempts: 6,
    keepFailed: false, // its deterministic id must be free for the reconciler
  },
  /** Rebuilds the ladder timers and unsent deliveries from Postgres (a restart, a Redis loss). */
  'alerts.reconcile': {
    queue: 'alerts',
    payload: z.object({}),
    attempts: 1,
    keepFailed: true,
  },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]['payload']>;
export type QueueName = (typeof jobCatalog)[JobName]['queue'];
export const QUEUE_NAMES: readonly QueueName[] = [
  ...new Set(Object.values(jobCatalog).map((j) => j.queue)),
];

export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  const parsed = jobCatalog[name].payload.safeParse(data);
  if (!parsed.success) {
    throw new Error(`invalid payload for job ${name}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data as JobPayload<N>;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobCatalog, name);
}

/**
 * The one id a source's poll job has while waiting or running: the scheduler and "Poll now" both
 * use it, so a source is never queued twice.
 */
export function pollJobId(sourceId: number): string {
  return `source-poll-${sourceId}`;
}

/** Mentions per ingest job: one job per batch keeps Redis cost per mention near zero. */
export const INGEST_BATCH_SIZE = 200;
