import type { LiveServerMessage, MentionDto } from '@barometer/core';
import type { LiveStatus } from '../../lib/live-socket.ts';

/** Live items kept in memory; beyond this the oldest go (they are still a scroll away via HTTP). */
export const MAX_LIVE_MENTIONS = 20_000;

export interface LiveState {
  status: LiveStatus;
  retryInMs: number | null;
  /** Every mention received live, each id once, in arrival order. */
  mentions: readonly MentionDto[];
  /** When each live mention arrived (ms since epoch), for the slide-in highlight. */
  arrivedAt: ReadonlyMap<number, number>;
  maxId: number | null;
  /** Mentions received since the last resume was sent, until its `resume.done`. */
  backfillCount: number;
  backfilling: boolean;
  /** Bumped when a back-fill hit the server's limit: the inbox must reload its pages. */
  gapCount: number;
  /** Bumped by every issue.* and thread.escalated event: the Issues page reloads on a change. */
  detectionCount: number;
  lastError: string | null;
}

export const initialLiveState: LiveState = {
  status: 'idle',
  retryInMs: null,
  mentions: [],
  arrivedAt: new Map(),
  maxId: null,
  backfillCount: 0,
  backfilling: false,
  gapCount: 0,
  detectionCount: 0,
  lastError: null,
};

export type LiveEvent =
  | { type: 'status'; status: LiveStatus; retryInMs: number | null }
  | { type: 'resume.sent' }
  | { type: 'message'; message: LiveServerMessage };

/**
 * Applies a batch of socket events at once (the store flushes at most every frame, so a back-fill
 * of a thousand items is one render, not a thousand). Mentions at or below `knownMaxId` were
 * already on screen from the HTTP pages (the server's back-fill overlaps a little, to catch
 * out-of-order commits), so they are kept but not highlighted as new.
 */
export function applyLiveEvents(
  state: LiveState,
  events: readonly LiveEvent[],
  now: number,
  knownMaxId: number | null = null,
): LiveState {
  if (events.length === 0) return state;
  let {
    status,
    retryInMs,
    maxId,
    backfillCount,
    backfilling,
    gapCount,
    detectionCount,
    lastError,
  } = state;
  const added = new Map<number, MentionDto>();
  const removed = new Set<number>();
  let arrivedAt: Map<number, number> | null = null;

  for (const event of events) {
    if (event.type === 'status') {
      status = event.status;
      retryInMs = event.retryInMs;
      if (event.status === 'live') lastError = null;
    } else if (event.type === 'resume.sent') {
      backfillCount = 0;
      backfilling = true;
    } else {
      const message = event.message;
      if (message.type === 'mention.created') {
        const { mention } = message;
        added.set(mention.id, mention);
        if (maxId === null || mention.id > maxId) maxId = mention.id;
        const alreadyShown = knownMaxId !== null && mention.id <= knownMaxId;
        if (!alreadyShown && !state.arrivedAt.has(mention.id)) {
          arrivedAt ??= new Map(state.arrivedAt);
          if (!arrivedAt.has(mention.id)) arrivedAt.set(mention.id, now);
        }
        if (backfilling) backfillCount++;
      } else if (message.type === 'resume.done') {
        if (message.truncated) gapCount++;
        backfilling = false;
        if (message.lastId !== null && (maxId === null || message.lastId > maxId)) {
          maxId = message.lastId;
        }
      } else if (message.type === 'mention.updated') {
        // A change to a row already shown (re-scored, edited, triaged): replace it in place.
        added.set(message.mention.id, message.mention);
      } else if (message.type.startsWith('issue.') || message.type === 'thread.escalated') {
        detectionCount++;
      } else if (message.type === 'mention.deleted') {
        // Erased, deleted upstream or past retention: it leaves the screen.
        added.delete(message.mentionId);
        removed.add(message.mentionId);
      } else if (message.type === 'error') {
        lastError = message.error.message;
      }
    }
  }

  let mentions = state.mentions;
  if (removed.size > 0) mentions = mentions.filter((m) => !removed.has(m.id));
  if (added.size > 0) {
    const kept = mentions.filter((m) => !added.has(m.id));
    mentions = [...kept, ...added.values()];
    if (mentions.length > MAX_LIVE_MENTIONS) {
      const dropped = mentions.slice(0, mentions.length - MAX_LIVE_MENTIONS);
      mentions = mentions.slice(-MAX_LIVE_MENTIONS);
      arrivedAt ??= new Map(state.arrivedAt);
      for (const m of dropped) arrivedAt.delete(m.id);
    }
  }

  return {
    status,
    retryInMs,
    mentions,
    arrivedAt: arrivedAt ?? state.arrivedAt,
    maxId,
    backfillCount,
    backfilling,
    gapCount,
    detectionCount,
    lastError,
  };
}
