import { enqueueMany } from '@barometer/bus';
import type { SourceDto } from '@barometer/core';
import { INGEST_BATCH_SIZE, type QueueName } from '@barometer/core';
import { expect, vi } from 'vitest';
import { addFeedSource, type WorkerTestEnv } from '../helpers.ts';
import { makeMentions, queueState, tallyMentions } from './fixtures.ts';

/** Enough full ingest batches that a worker is still busy when the test interrupts it. */
export const BATCHES = 40;
export const EXPECTED = BATCHES * INGEST_BATCH_SIZE;

/** The source the load's mentions belong to; never polled (its host does not exist). */
export function addBusySource(env: WorkerTestEnv): Promise<SourceDto> {
  return addFeedSource(env.database, { name: 'Busy feed', url: 'https://news.example/busy.rss' });
}

/** Queues BATCHES full ingest batches whose external ids start with `label`. */
export async function enqueueLoad(
  env: WorkerTestEnv,
  sourceId: number,
  label: string,
): Promise<void> {
  await enqueueMany(
    env.deps.queues,
    'mentions.ingest',
    Array.from({ length: BATCHES }, (_, b) => ({
      payload: { sourceId, mentions: makeMentions(`${label}${b}`, INGEST_BATCH_SIZE) },
    })),
  );
}

/**
 * Waits for the moment some batches are stored while others are in a worker's hands, and returns
 * how many were active then. `context` adds e.g. the worker's output to the failure message.
 */
export async function waitUntilMidway(
  env: WorkerTestEnv,
  context: () => string = () => '',
): Promise<number> {
  let activeNow = 0;
  await vi.waitFor(
    async () => {
      const { rows } = await tallyMentions(env.database.pool);
      const { active = 0 } = await env.deps.queues.ingest.getJobCounts('active');
      if (rows === 0 || active === 0) throw new Error(`rows ${rows}, active ${active}${context()}`);
      activeNow = active;
    },
    { timeout: 30_000, interval: 5 },
  );
  return activeNow;
}

/** Waits until every mention of the load is stored exactly once and nothing is left queued. */
export async function waitForWholeLoad(env: WorkerTestEnv): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(await tallyMentions(env.database.pool)).toEqual({
        rows: EXPECTED,
        distinct: EXPECTED,
      });
      expect(await queueState(env.deps.queues.ingest)).toEqual({ pending: 0, failed: 0 });
    },
    { timeout: 40_000, interval: 200 },
  );
}

/**
 * How often BullMQ's own events stream for `queue` records `event` (for one job when `jobId` is
 * given): it outlives jobs that are removed once they fail or complete.
 */
export async function queueEventCount(
  env: WorkerTestEnv,
  queue: QueueName,
  event: string,
  jobId?: string,
): Promise<number> {
  const entries = await env.deps.redis.xrange(
    `${env.config.REDIS_PREFIX}:${queue}:events`,
    '-',
    '+',
  );
  return entries.filter(
    ([, fields]) => fields[1] === event && (jobId === undefined || fields[3] === jobId),
  ).length;
}
