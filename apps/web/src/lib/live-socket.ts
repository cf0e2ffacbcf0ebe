import { type LiveClientMessage, LiveServerMessage } from '@barometer/core';
import { reconnectDelay } from './backoff.ts';

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

/** The part of the browser WebSocket this module uses (so another implementation can stand in). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface LiveSocketOptions {
  url: string;
  /** The highest mention id the page holds, read at every (re)connect so a resume misses nothing. */
  lastId: () => number | null;
  onMessage: (message: LiveServerMessage) => void;
  /** Called when the socket opened and the resume was sent: a back-fill follows. */
  onResume?: (lastId: number | null) => void;
  onStatus: (status: LiveStatus, retryInMs: number | null) => void;
  onInvalidMessage?: (raw: unknown) => void;
  /** The sign-in behind the socket ended (signed out elsewhere, expired, disabled). */
  onSessionEnded?: () => void;
  createSocket?: (url: string) => WebSocketLike;
  random?: () => number;
}

export interface LiveSocket {
  start(): void;
  stop(): void;
  /** Skip the wait and reconnect now (the browser came back online, or the officer asked). */
  reconnectNow(): void;
}

/** `ws://host/api/live` or `wss://host/api/live`, on the page's own origin. */
export function liveUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api/live`;
}

/** Parses one frame; anything that is not a valid `LiveServerMessage` gives null. */
export function parseLiveMessage(data: unknown): LiveServerMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = LiveServerMessage.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const OPEN = 1;
/** The server's close code when the session behind the socket ended (signed out, expired). */
export const SESSION_ENDED = 4401;

/**
 * The live connection: opens the socket, sends `resume` with the last id seen, hands every parsed
 * message on, and reconnects with capped, jittered backoff whenever the socket closes, until
 * stopped. The attempt counter resets only once a back-fill completes, so a server that accepts
 * and drops connections is not hammered.
 */
export function createLiveSocket(options: LiveSocketOptions): LiveSocket {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  let socket: WebSocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let running = false;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const scheduleReconnect = () => {
    if (!running) return;
    const delay = reconnectDelay(attempt, options.random);
    attempt++;
    options.onStatus('reconnecting', delay);
    clearTimer();
    timer = setTimeout(connect, delay);
  };

  function connect() {
    clearTimer();
    if (!running) return;
    options.onStatus(attempt === 0 ? 'connecting' : 'reconnecting', null);
    let current: WebSocketLike;
    try {
      current = createSocket(options.url);
    } catch {
      scheduleReconnect();
      return;
    }
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      const lastId = options.lastId();
      const resume: LiveClientMessage = { type: 'resume', lastId };
      current.send(JSON.stringify(resume));
      options.onResume?.(lastId);
      options.onStatus('live', null);
    };
    current.onmessage = (event) => {
      if (socket !== current) return;
      const message = parseLiveMessage(event.data);
      if (!message) {
        options.onInvalidMessage?.(event.data);
        return;
      }
      if (message.type === 'resume.done') attempt = 0;
      options.onMessage(message);
    };
    current.onerror = () => {
      // A close event always follows an error; reconnecting happens there, once.
    };
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = null;
      // The server closed the socket because the sign-in ended: reconnecting cannot help.
      if (event.code === SESSION_ENDED) {
        running = false;
        options.onStatus('idle', null);
        options.onSessionEnded?.();
        return;
      }
      scheduleReconnect();
    };
  }

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    stop() {
      running = false;
      clearTimer();
      const current = socket;
      socket = null;
      current?.close(1000, 'page closed');
      options.onStatus('idle', null);
    },
    reconnectNow() {
      if (!running || (socket && socket.readyState === OPEN)) return;
      const current = socket;
      socket = null;
      current?.close();
      connect();
    },
  };
}
