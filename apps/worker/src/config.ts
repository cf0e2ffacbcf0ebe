import { AlertEnv, booleanFlag, parseEnv, ServiceEnv } from '@barometer/core';
import { z } from 'zod';

const emailList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().email('each recipient must be an e-mail address')));

// The alert settings first: the report's own SMTP_URL, MAIL_FROM and PUBLIC_URL (below) are the
// same settings and win, so an empty SMTP_URL means no e-mail for either.
const WorkerEnv = ServiceEnv.extend(AlertEnv.shape).extend({
  /** Which queues this process works: split roles across machines by running several workers. */
  WORKER_QUEUES: z.string().default('schedule,poll,ingest,report,alerts'),
  /** Run the long-lived stream consumers (Jetstream, Mastodon streaming) in this process. */
  WORKER_STREAMS: booleanFlag.default(true),
  /** The trust's mail relay, e.g. smtp://relay.trust.nhs.uk:25; empty sends no e-mail. */
  SMTP_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL'),
  /** A sender address, or a name and address ("Barometer <barometer@trust.nhs.uk>"). */
  MAIL_FROM: z.string().trim().min(3).default('barometer@localhost'),
  /** Who receives the Monday barometer: comma-separated addresses. */
  REPORT_RECIPIENTS: emailList,
  /** Where people open the dashboard, for the links in e-mails. */
  PUBLIC_URL: AlertEnv.shape.PUBLIC_URL,
  /** Mentions are deleted this many months after they were collected (UK GDPR: no longer than needed). */
  MENTION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
});
export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parseEnv(WorkerEnv, env);
}
