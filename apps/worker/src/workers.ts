import {
  consumeQueues,
  type JobConsumers,
  PermanentJobError,
  type ReceivedJob,
  type RedisConnection,
} from '@barometer/bus';
import {
  createOutageLog,
  isJobName,
  type JobName,
  type JobPayload,
  parseJobPayload,
  QUEUE_NAMES,
  type QueueName,
} from '@barometer/core';
import { forgetValidators, isDatabaseUnavailable } from '@barometer/db';
import type { Logger } from 'pino';
import type { JobContext, WorkerDeps } from './context.ts';
import { deliverAlert } from './jobs/alert-deliver.ts';
import { escalateAlert } from './jobs/alert-escalate.ts';
import { evaluateAlerts } from './jobs/alerts-evaluate.ts';
import { reconcileAlerts } from './jobs/alerts-reconcile.ts';
import { runDetectionTick } from './jobs/issues-detect.ts';
import { ingestMentions } from './jobs/mentions-ingest.ts';
import { rescoreMentions } from './jobs/mentions-rescore.ts';
import { purgeOldMentions } from './jobs/mentions-retention.ts';
import { buildReport } from './jobs/report-build.ts';
import { pollSource } from './jobs/source-poll.ts';
import { schedulePolls } from './jobs/sources-schedule.ts';

type Handler<N extends JobName> = (
  payload: JobPayload<N>,
  ctx: JobContext,
  deps: WorkerDeps,
) => Promise<void>;

/** Every job in the catalog has a handler here, or this does not compile. */
const handlers: { [N in JobName]: Handler<N> } = {
  'sources.schedule': schedulePolls,
  'source.poll': pollSource,
  'mentions.ingest': ingestMentions,
  'mentions.rescore': rescoreMentions,
  'issues.detect': async (payload, ctx, deps) => {
    await runDetectionTick(payload, ctx, deps);
  },
  'report.build': buildReport,
  'mentions.retention': purgeOldMentions,
  'alerts.evaluate': evaluateAlerts,
  'alert.escalate': escalateAlert,
  'alert.deliver': deliverAlert,
  'alerts.reconcile': reconcileAlerts,
};

/** Per queue: polls wait on the network, ingest on Postgres; both overlap well. */
const concurrency: Record<QueueName, number> = {
  schedule: 1,
  poll: 20,
  ingest: 8,
  report: 1,
  // Alerts wait on SMTP and webhooks; a page must never queue behind a slow mail server.
  alerts: 8,
};

/** While Postgres is unreachable, a queue pauses this long between tries, spending no attempt. */
const DATABASE_OUTAGE_PAUSE_MS = 2000;

async function dispatch(job: ReceivedJob, deps: WorkerDeps, log: Logger): Promise<void> {
  // A job no handler knows, or a payload that does not validate, fails once: retrying cannot help.
  if (!isJobName(job.name)) throw new PermanentJobError(`no handler for job ${job.name}`);
  const name: JobName = job.name;
  let payload: JobPayload<typeof name>;
  try {
    payload = parseJobPayload(name, job.data);
  } catch (error) {
    throw new PermanentJobError(error instanceof Error ? error.message : String(error));
  }
  const ctx: JobContext = { jobId: job.id ?? '', log: log.child({ job: name, jobId: job.id }) };
  // The cast is the one place the catalog's name->payload link is re-established at run time.
  await (handlers[name] as Handler<typeof name>)(payload as never, ctx, deps);
}

/** Lock timings: a job whose worker died is handed to another after about lockDurationMs. */
export interface LockOptions {
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

export function startWorkers(
  deps: WorkerDeps,
  queueNames: QueueName[],
  connection: RedisConnection,
  log: Logger,
  locks: LockOptions = {},
): JobConsumers {
  // One line when Postgres stops answering, one per period while it stays down, one when back.
  const outage = createOutageLog('Postgres');
  return consumeQueues(queueNames, {
    connection,
    prefix: deps.config.REDIS_PREFIX,
    concurrency,
    process: async (job) => {
      await dispatch(job, deps, log);
      const recovered = outage.succeeded(Date.now());
      if (recovered) log.info(recovered);
    },
    isOutage: (error, job) => {
      if (!isDatabaseUnavailable(error)) return false;
      const line = outage.failed(Date.now());
      if (line) log.warn({ job: job.name, jobId: job.id, err: error }, line);
      return true;
    },
    holdMs: DATABASE_OUTAGE_PAUSE_MS,
    onFailed: (job, err, final) => {
      log.warn({ job: job.name, jobId: job.id, err }, `job ${job.name} failed: ${err.message}`);
      if (job.name === 'mentions.ingest' && final) void refetchAfterLostBatch(job, deps, log);
    },
    log,
    ...locks,
  });
}

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

/**
 * An ingest batch that failed for good would otherwise be lost: its poll already stored the
 * feed's validators, so the items would never be fetched again. Forget them so the next poll
 * fetches the whole feed; upserts make the refetch safe.
 */
async function refetchAfterLostBatch(
  job: ReceivedJob,
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const sourceId = (job.data as { sourceId?: unknown }).sourceId;
  if (typeof sourceId !== 'number') return;
  try {
    await forgetValidators(deps.database.pool, sourceId);
    log.warn(
      { sourceId, jobId: job.id },
      'ingest batch failed for good; the source will be refetched in full',
    );
  } catch (error) {
    log.error({ err: error, sourceId }, `unable to schedule a full refetch of source ${sourceId}`);
  }
}
