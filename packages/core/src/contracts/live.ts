import { z } from 'zod';
import { MentionDto } from './api.ts';

/** What the worker publishes on Redis after a commit, and the API forwards to browsers. */
export const LiveServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mention.created'), mention: MentionDto }),
  /**
   * Sent once the back-fill after a `resume` is complete; live items follow. `truncated` says
   * the back-fill stopped at the limit, so the client must reload its pages to close the gap.
   */
  z.object({
    type: z.literal('resume.done'),
    lastId: z.number().int().nullable(),
    truncated: z.boolean(),
  }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;

/** What a browser may send: the last mention id it saw, to be back-filled from Postgres. */
export const LiveClientMessage = z.object({
  type: z.literal('resume'),
  lastId: z.number().int().nonnegative().nullable(),
});
export type LiveClientMessage = z.infer<typeof LiveClientMessage>;

/** What travels on the Redis channel: one message per committed ingest batch. */
export const LiveBusMessage = z.object({
  type: z.literal('mentions'),
  mentions: z.array(MentionDto),
});
export type LiveBusMessage = z.infer<typeof LiveBusMessage>;

/** The Redis channel carrying committed mentions, namespaced by the deployment's key prefix. */
export function liveChannel(prefix: string): string {
  return `${prefix}:live:mentions`;
}

/** The most a reconnecting client is back-filled with; beyond that it reloads the inbox page. */
export const LIVE_BACKFILL_LIMIT = 1000;
