import { z } from 'zod';
import { LiveRoom } from '../auth/roles.ts';
import { AlertDto } from './alerts.ts';
import { MentionDto, SourceDto } from './api.ts';

/** Events that read the same on the bus and in a browser. */
const sharedEvents = [
  /** Erased, deleted upstream or past retention: dashboards drop it. */
  z.object({ type: z.literal('mention.deleted'), mentionId: z.number().int() }),
  z.object({
    type: z.literal('mention.assigned'),
    mentionId: z.number().int(),
    assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    by: z.object({ id: z.number().int(), name: z.string() }),
  }),
  z.object({ type: z.literal('source.updated'), source: SourceDto }),
  z.object({ type: z.literal('source.deleted'), sourceId: z.number().int() }),
  z.object({
    type: z.enum(['issue.opened', 'issue.updated', 'issue.closed']),
    issue: z.object({
      id: z.number().int(),
      title: z.string(),
      severity: z.enum(['watch', 'alert', 'page']),
      explanation: z.string(),
    }),
  }),
  /** A conversation rose to watch, alert or page (it does not fire again until it rises). */
  z.object({
    type: z.literal('thread.escalated'),
    thread: z.object({
      sourceId: z.number().int(),
      rootId: z.string(),
      title: z.string(),
      level: z.enum(['watch', 'alert', 'page']),
      explanation: z.string(),
    }),
  }),
  /** Raised, grouped (count), escalated, acknowledged or resolved: the alert as it is now. */
  z.object({ type: z.enum(['alert.raised', 'alert.updated']), alert: AlertDto }),
] as const;

/**
 * Every live event a browser receives, by name. Later capabilities add their events here (and to
 * the bus form below).
 */
export const LiveEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mention.created'), mention: MentionDto }),
  /** Re-scored, edited upstream, or changed by a person (state, tags, notes). */
  z.object({ type: z.literal('mention.updated'), mention: MentionDto }),
  ...sharedEvents,
]);
export type LiveEvent = z.infer<typeof LiveEvent>;

/**
 * What travels on the bus (Redis pub/sub): mentions by id only, never their text, so Redis holds
 * no patient's words. Each API instance loads the rows after commit and shapes them per reader
 * (redacted unless the role reads raw text).
 */
export const LiveBusEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mention.created'), mentionId: z.number().int() }),
  z.object({ type: z.literal('mention.updated'), mentionId: z.number().int() }),
  ...sharedEvents,
]);
export type LiveBusEvent = z.infer<typeof LiveBusEvent>;

export type LiveEventType = LiveEvent['type'];

/** What a browser may receive: an event, the end of its back-fill, or an error. */
export const LiveServerMessage = z.union([
  LiveEvent,
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

/**
 * One bus message: events for some rooms (role:<role>, user:<id>), or word that sessions ended,
 * so every API instance closes the sockets they opened.
 */
export const LiveBusMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('events'),
    rooms: z.array(LiveRoom).min(1),
    events: z.array(LiveBusEvent).min(1),
  }),
  z.object({ kind: z.literal('sessions.ended'), sessionIds: z.array(z.string()).min(1) }),
]);
export type LiveBusMessage = z.infer<typeof LiveBusMessage>;

/** The Redis channel carrying live events, namespaced by the deployment's key prefix. */
export function liveChannel(prefix: string): string {
  return `${prefix}:live:events`;
}

/** The most a reconnecting client is back-filled with; beyond that it reloads the inbox page. */
export const LIVE_BACKFILL_LIMIT = 1000;
