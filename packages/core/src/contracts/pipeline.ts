import { z } from 'zod';
import { SourceDto } from './api.ts';

/**
 * Whether sources are being polled at all, beside the sources list: without it a page of
 * "healthy" rows read from Postgres says nothing about a worker that stopped or cannot reach its
 * stores.
 */
export const PipelineHealth = z.object({
  state: z.enum(['running', 'stalled', 'unknown']),
  /** When the worker's scheduler last read the due sources from Postgres (ISO), if known. */
  lastTickAt: z.string().nullable(),
  /** What an officer should know, in plain words; null while running. */
  message: z.string().nullable(),
});
export type PipelineHealth = z.infer<typeof PipelineHealth>;

export const SourceListResponse = z.object({
  items: z.array(SourceDto),
  pipeline: PipelineHealth,
});
export type SourceListResponse = z.infer<typeof SourceListResponse>;

/** The scheduler ticks every few seconds; this much silence means polling has stopped. */
export const PIPELINE_STALE_AFTER_MS = 30_000;

function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
}

/**
 * Reads the scheduler's heartbeat: `lastTickAt` null with `readable` false when the queue store
 * could not be asked at all.
 */
export function pipelineHealth(input: {
  lastTickAt: string | null;
  readable: boolean;
  now: Date;
}): PipelineHealth {
  if (!input.readable) {
    return {
      state: 'unknown',
      lastTickAt: null,
      message:
        'Cannot tell whether sources are being checked: the job queue is not answering. Source health below may be out of date.',
    };
  }
  const age =
    input.lastTickAt === null
      ? Number.POSITIVE_INFINITY
      : input.now.getTime() - Date.parse(input.lastTickAt);
  if (age <= PIPELINE_STALE_AFTER_MS)
    return { state: 'running', lastTickAt: input.lastTickAt, message: null };
  return {
    state: 'stalled',
    lastTickAt: input.lastTickAt,
    message:
      input.lastTickAt === null
        ? 'Sources are not being checked: the background worker is not running or cannot reach the database. Source health below may be out of date.'
        : `Sources have not been checked since ${clock(input.lastTickAt)}: the background worker is down or cannot reach the database. Source health below may be out of date.`,
  };
}
