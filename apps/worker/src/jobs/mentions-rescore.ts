import { enqueue, type Queues } from '@barometer/bus';
import { type JobPayload, redactionOptions, SCORER_VERSION, scoreMention } from '@barometer/core';
import {
  getTrustProfile,
  hasMentionsToRescore,
  listMentionsToRescore,
  saveRescores,
} from '@barometer/db';
import type { JobContext, WorkerDeps } from '../context.ts';

const RESCORE_BATCH_SIZE = 500;

export function rescoreJobId(version: string, afterId: number): string {
  return `rescore-${version.replace(/[^a-z0-9._-]/gi, '_')}-${afterId}`;
}

/** Starts the backfill when stored mentions carry another scorer version; safe to call often. */
export async function startRescoreIfNeeded(deps: {
  database: WorkerDeps['database'];
  queues: Queues;
}): Promise<boolean> {
  if (!(await hasMentionsToRescore(deps.database.pool, SCORER_VERSION))) return false;
  await enqueue(
    deps.queues,
    'mentions.rescore',
    { scorerVersion: SCORER_VERSION, afterId: 0 },
    { jobId: rescoreJobId(SCORER_VERSION, 0), removeOnFail: true },
  );
  return true;
}

/**
 * Re-scores one batch, then enqueues the next: progress survives restarts batch by batch. Failed
 * batches are not kept, since their fixed id would block the chain from being started again.
 */
export async function rescoreMentions(
  payload: JobPayload<'mentions.rescore'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'config'>,
): Promise<void> {
  if (payload.scorerVersion !== SCORER_VERSION) {
    // A worker of another version queued this (rolling upgrade): that version's workers own it.
    ctx.log.info(
      { wanted: payload.scorerVersion, mine: SCORER_VERSION },
      'skipping rescore of another version',
    );
    return;
  }
  const batch = await listMentionsToRescore(
    deps.database.pool,
    SCORER_VERSION,
    payload.afterId,
    RESCORE_BATCH_SIZE,
  );
  if (batch.length === 0) {
    ctx.log.info({ version: SCORER_VERSION }, 'rescore complete');
    return;
  }
  const profile = await getTrustProfile(deps.database.pool);
  const taxonomy = profile?.taxonomy ?? {};
  const scores = batch.map((m) => ({
    id: m.id,
    score: scoreMention(
      { title: m.title, text: m.text },
      { taxonomy, redaction: redactionOptions(deps.config) },
    ),
  }));
  const saved = await saveRescores(deps.database.pool, scores);
  const lastId = batch.at(-1)!.id;
  ctx.log.info({ rescored: saved, lastId }, 'rescored a batch');
  await enqueue(
    deps.queues,
    'mentions.rescore',
    { scorerVersion: SCORER_VERSION, afterId: lastId },
    { jobId: rescoreJobId(SCORER_VERSION, lastId), removeOnFail: true },
  );
}
