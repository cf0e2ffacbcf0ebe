import type { LiveServerMessage } from '@barometer/core';
import { createLiveSocket, type LiveSocket, liveUrl } from '../../lib/live-socket.ts';
import { SESSION_ENDED_EVENT } from '../session/session-events.ts';
import { applyLiveEvents, initialLiveState, type LiveEvent, type LiveState } from './live-state.ts';

const FLUSH_MS = 50;

export interface LiveStore {
  getState(): LiveState;
  subscribe(listener: () => void): () => void;
  /** Opens the socket once; `knownMaxId` is the newest id the page already holds (or null). */
  connect(knownMaxId: number | null): void;
  /** Records ids loaded over HTTP so a reconnect resumes after them too. */
  noteLoaded(maxId: number | null): void;
  reconnectNow(): void;
  disconnect(): void;
  /** Every message as it arrives, for pages that refresh a query on an event (sources). */
  onMessage(listener: (message: LiveServerMessage) => void): () => void;
}

/**
 * The live stream as an external store for `useSyncExternalStore`. Socket events are queued and
 * applied in one batch every FLUSH_MS, so bursts (a back-fill, a busy morning) cost one render.
 */
export function createLiveStore(url = liveUrl(window.location)): LiveStore {
  let state = initialLiveState;
  let knownMaxId: number | null = null;
  let queue: LiveEvent[] = [];
  let flushScheduled = false;
  let socket: LiveSocket | null = null;
  const listeners = new Set<() => void>();
  const messageListeners = new Set<(message: LiveServerMessage) => void>();

  const flush = () => {
    flushScheduled = false;
    const events = queue;
    queue = [];
    const next = applyLiveEvents(state, events, Date.now(), knownMaxId);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const push = (event: LiveEvent) => {
    queue.push(event);
    if (flushScheduled) return;
    flushScheduled = true;
    setTimeout(flush, FLUSH_MS);
  };
  const lastId = (): number | null => {
    const live = state.maxId;
    const queued = queue.reduce<number | null>(
      (max, e) =>
        e.type === 'message' && e.message.type === 'mention.created'
          ? Math.max(max ?? 0, e.message.mention.id)
          : max,
      null,
    );
    const candidates = [live, queued, knownMaxId].filter((v): v is number => v !== null);
    return candidates.length > 0 ? Math.max(...candidates) : null;
  };
  const onOnline = () => socket?.reconnectNow();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(initialMaxId) {
      if (socket) return;
      knownMaxId = initialMaxId;
      socket = createLiveSocket({
        url,
        lastId,
        onMessage: (message) => {
          push({ type: 'message', message });
          for (const listener of messageListeners) listener(message);
        },
        onResume: () => push({ type: 'resume.sent' }),
        onStatus: (status, retryInMs) => push({ type: 'status', status, retryInMs }),
        onSessionEnded: () => window.dispatchEvent(new Event(SESSION_ENDED_EVENT)),
      });
      window.addEventListener('online', onOnline);
      socket.start();
    },
    noteLoaded(maxId) {
      if (maxId !== null && (knownMaxId === null || maxId > knownMaxId)) knownMaxId = maxId;
    },
    reconnectNow: () => socket?.reconnectNow(),
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    disconnect() {
      window.removeEventListener('online', onOnline);
      socket?.stop();
      socket = null;
    },
  };
}
