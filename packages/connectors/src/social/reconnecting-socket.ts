import type { HttpPolicy } from '@barometer/http';
import { ConnectorError, guardedWebSocket, type WebSocket } from '@barometer/http';
import type { StreamHandle, StreamHealth, StreamOptions } from '../connector.ts';

export interface SocketSpec {
  url: string;
  headers?: Record<string, string>;
}

export interface ReconnectingSocketParams {
  policy: HttpPolicy;
  options: StreamOptions;
  /** Where to connect this time (the cursor may have moved since the last attempt). */
  connect(): Promise<SocketSpec>;
  /** Runs once the socket is open, before any message is handled: the catch-up. */
  opened(): Promise<void>;
  /** Each text message, one at a time, in order. Throwing drops the connection. */
  message(data: string): Promise<void>;
  health(state: StreamHealth): void;
}

const DEFAULT_RECONNECT = { initialMs: 1000, maxMs: 60_000 };
const DEFAULT_IDLE_MS = 90_000;
/** A refused credential will not fix itself in a second: wait longer before the next try. */
const AUTH_RETRY_MS = 5 * 60_000;

/**
 * A websocket that keeps itself open: messages are handled strictly in order (each awaited),
 * messages that arrive during the catch-up wait behind it, a silent connection is dropped, and
 * every close or failure reconnects with exponential back-off and jitter until stop().
 */
export function reconnectingSocket(params: ReconnectingSocketParams): StreamHandle {
  const backoff = params.options.reconnect ?? DEFAULT_RECONNECT;
  const idleMs = params.options.idleMs ?? DEFAULT_IDLE_MS;
  let stopped = false;
  let attempt = 0;
  let socket: WebSocket | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });

  const schedule = (reason: string, error?: unknown) => {
    if (stopped || retryTimer) return;
    attempt += 1;
    const auth = error instanceof ConnectorError && error.code === 'bad-credentials';
    const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** (attempt - 1));
    const delayMs = auth ? Math.max(base, Math.min(AUTH_RETRY_MS, backoff.maxMs * 5)) : base;
    const jittered = Math.round(delayMs * (0.75 + Math.random() * 0.5));
    params.health({ status: 'reconnecting', reason, attempt, delayMs: jittered });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void open();
    }, jittered);
  };

  const drop = (current: WebSocket, reason: string, error?: unknown) => {
    if (socket !== current) return;
    socket = null;
    if (idleTimer) clearTimeout(idleTimer);
    current.removeAllListeners('message');
    current.terminate();
    schedule(reason, error);
  };

  const touch = (current: WebSocket) => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => drop(current, 'the stream went silent'), idleMs);
  };

  const open = async () => {
    if (stopped) return;
    let spec: SocketSpec;
    let current: WebSocket;
    try {
      spec = await params.connect();
      if (stopped) return;
      current = guardedWebSocket(spec.url, params.policy, { headers: spec.headers ?? {} });
    } catch (error) {
      schedule(reasonOf(error), error);
      return;
    }
    socket = current;
    touch(current);
    current.on('unexpected-response', (_request, response) => {
      const status = response.statusCode ?? 0;
      const error =
        status === 401 || status === 403
          ? new ConnectorError('bad-credentials')
          : new ConnectorError(`http-${status}`);
      response.resume();
      drop(current, error.message, error);
    });
    current.on('error', (error) => drop(current, reasonOf(error), error));
    current.on('close', () => drop(current, 'the live stream closed'));
    current.on('ping', () => touch(current));
    current.on('message', (data, isBinary) => {
      touch(current);
      if (isBinary) return;
      const text = data.toString();
      chain = chain
        .then(() => (socket === current ? params.message(text) : undefined))
        .catch((error: unknown) => drop(current, reasonOf(error), error));
    });
    current.once('open', () => {
      chain = chain
        .then(async () => {
          await params.opened();
          if (socket !== current) return;
          attempt = 0;
          params.health({ status: 'connected' });
        })
        .catch((error: unknown) => drop(current, reasonOf(error), error));
    });
  };

  void open();
  return {
    async stop() {
      if (stopped) return finished;
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (idleTimer) clearTimeout(idleTimer);
      const current = socket;
      socket = null;
      current?.removeAllListeners('message');
      current?.terminate();
      await chain.catch(() => undefined);
      done();
      return finished;
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof ConnectorError) return error.message;
  return 'the live stream failed';
}
