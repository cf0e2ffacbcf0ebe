import { type LiveSubscription, type RedisConnection, subscribeLive } from '@barometer/bus';
import {
  can,
  LIVE_BACKFILL_LIMIT,
  type LiveBusMessage,
  LiveClientMessage,
  type LiveRoom,
  type LiveServerMessage,
  type RedactionOptions,
  type Role,
  roomsOf,
  type StoredMention,
} from '@barometer/core';
import type { Database } from '@barometer/db';
import { latestMentionId, listMentionsAfter } from '@barometer/db';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { WebSocket } from 'ws';
import { createBackfillSlots } from './backfill-slots.ts';
import { type HubEvent, hydrate, mentionIdOf, shapeFor } from './hub-events.ts';

/** A client that has not said where it left off within this time just gets live items. */
const RESUME_WAIT_MS = 3000;
/** A socket this far behind is closed; it reconnects with its last id and loses nothing. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Live items held for a client while its back-fill runs. */
const MAX_PENDING_ITEMS = 5000;
/** A back-fill pauses above this until the socket flushes, so it never trips the cap above. */
const BACKFILL_HIGH_WATER_BYTES = 1024 * 1024;
const SLOW_CONSUMER = 1013;
/** Closed because the session behind the socket ended: the browser signs in again. */
export const SESSION_ENDED = 4401;
/** Back-fill queries at once, and how many more may wait; the rest are told to retry. */
const BACKFILL_CONCURRENCY = 4;
const BACKFILL_QUEUE_LIMIT = 100;
/** Told to a client turned away by a back-fill storm: it reconnects after its backoff. */
const BUSY_MESSAGE = 'Many dashboards are catching up at once; reconnecting in a few seconds.';
/** How often open sockets' sessions are re-checked (expiry is not announced on the bus). */
const SESSION_CHECK_MS = 30_000;

/** Who is on the other end of a socket: decides which rooms it joins and what text it reads. */
export interface LiveViewer {
  userId: number;
  roles: Role[];
  sessionId: string;
}

interface Client {
  socket: WebSocket;
  viewer: LiveViewer;
  rooms: Set<LiveRoom>;
  rawText: boolean;
  redaction: RedactionOptions;
  phase: 'waiting' | 'backfilling' | 'live';
  pending: HubEvent[];
  /** The newest mention this client has been sent (or had nothing newer than): where to resume. */
  lastId: number | null;
  log: Logger;
}

export interface LiveHub {
  start(): Promise<void>;
  attach(socket: WebSocket, viewer: LiveViewer, log: Logger): void;
  clientCount(): number;
  /** Closes every socket of these sessions at once (sign-out, revocation, a user disabled). */
  endSessions(sessionIds: readonly string[]): void;
  /** Re-checks every open socket's session now; the hub also does this on a timer. */
  checkSessions(): Promise<void>;
  close(): Promise<void>;
}

function frame(message: LiveServerMessage): string {
  return JSON.stringify(message);
}

/**
 * Subscribes once to the bus the workers and API publish on, and fans each event out to the
 * sockets in its rooms (role:<role>, user:<id>), shaped for each reader. A client may first ask
 * for every mention after the last id it saw; it is back-filled from Postgres while live events
 * queue behind, then switched to live.
 */
export function createLiveHub(deps: {
  subscriber: RedisConnection;
  pool: Database['pool'];
  /** A small pool of its own for back-fills, so a reconnect storm never starves the API's. */
  backfillPool?: Database['pool'];
  backfillConcurrency?: number;
  backfillQueueLimit?: number;
  prefix: string;
  log: Logger;
  /** Which of these sessions are still valid (not expired, revoked or of a disabled user). */
  validSessions(sessionIds: string[]): Promise<Set<string>>;
  /** Told of every ended session (here or on another instance), e.g. to forget cached checks. */
  onSessionsEnded?: (sessionIds: readonly string[]) => void;
  sessionCheckMs?: number;
  /** The trust's identifier formats, redacted for readers who may not see raw text. */
  redaction?: RedactionOptions;
}): LiveHub {
  const clients = new Set<Client>();
  const backfillPool = deps.backfillPool ?? deps.pool;
  const slots = createBackfillSlots({
    concurrency: deps.backfillConcurrency ?? BACKFILL_CONCURRENCY,
    queueLimit: deps.backfillQueueLimit ?? BACKFILL_QUEUE_LIMIT,
  });
  let subscription: LiveSubscription | undefined;
  let sessionTimer: NodeJS.Timeout | undefined;

  function send(client: Client, data: string): void {
    if (client.socket.readyState !== client.socket.OPEN) return;
    if (client.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      client.log.warn('closing slow live client; it will resume from its last id');
      client.socket.close(SLOW_CONSUMER, 'slow consumer: reconnect and resume');
      return;
    }
    client.socket.send(data);
  }

  /** Back-fill goes at the reader's pace: a large catch-up is not mistaken for a slow consumer. */
  function sendPaced(client: Client, data: string): Promise<void> {
    const { socket } = client;
    if (socket.readyState !== socket.OPEN) return Promise.resolve();
    if (socket.bufferedAmount < BACKFILL_HIGH_WATER_BYTES) {
      socket.send(data);
      return Promise.resolve();
    }
    // Called once this frame reaches the kernel, or with an error if the socket closes first.
    return new Promise((resolve) => socket.send(data, () => resolve()));
  }

  /** The back-fill's one query, in a slot; null when the line is full (the client retries). */
  async function loadMissed(
    client: Client,
    lastId: number | null,
  ): Promise<{ latest: number | null; missed: StoredMention[] } | null> {
    const release = await slots.take();
    if (!release) return null;
    try {
      if (lastId === null) return { latest: await latestMentionId(backfillPool), missed: [] };
      if (!can(client.viewer.roles, 'mentions.read')) return { latest: lastId, missed: [] };
      return { latest: lastId, missed: await missedAfter(lastId) };
    } finally {
      release();
    }
  }

  // A reconnect storm resumes many readers from the same id at once: they share one query, and
  // (below) each mention's frame is built once per text view, not once per reader.
  const inFlight = new Map<number, Promise<StoredMention[]>>();
  const frames = new WeakMap<StoredMention, { raw?: string; redacted?: string }>();

  function missedAfter(lastId: number): Promise<StoredMention[]> {
    let query = inFlight.get(lastId);
    if (!query) {
      query = listMentionsAfter(backfillPool, lastId, LIVE_BACKFILL_LIMIT).finally(() =>
        inFlight.delete(lastId),
      );
      inFlight.set(lastId, query);
    }
    return query;
  }

  function backfillFrame(client: Client, mention: StoredMention): string {
    const cached = frames.get(mention) ?? {};
    const view = client.rawText ? 'raw' : 'redacted';
    let data = cached[view];
    if (data === undefined) {
      data = frame(shapeFor(client, { type: 'mention.created', mention }));
      cached[view] = data;
      frames.set(mention, cached);
    }
    return data;
  }

  async function resume(client: Client, lastId: number | null): Promise<void> {
    client.phase = 'backfilling';
    const sent = new Set<number>();
    const loaded = await loadMissed(client, lastId);
    if (!loaded) {
      client.log.info('back-fill line full; asking the client to retry');
      badMessage(client, 'busy', BUSY_MESSAGE);
      client.socket.close(SLOW_CONSUMER, 'busy: reconnect and resume');
      clients.delete(client);
      return;
    }
    // A client starting afresh is level with what is committed now; a later catch-up starts here.
    let highest = loaded.latest;
    let truncated = false;
    if (lastId !== null) {
      const missed = loaded.missed;
      truncated = missed.filter((m) => m.id > lastId).length >= LIVE_BACKFILL_LIMIT;
      for (const mention of missed) {
        await sendPaced(client, backfillFrame(client, mention));
        sent.add(mention.id);
        highest = Math.max(highest ?? 0, mention.id);
      }
    }
    // Live events that arrive while this loop waits are appended to pending and sent here too.
    for (const event of client.pending) {
      const id = mentionIdOf(event);
      if (id !== null && sent.has(id) && event.type === 'mention.created') continue;
      await sendPaced(client, frame(shapeFor(client, event)));
      if (id !== null) highest = Math.max(highest ?? 0, id);
    }
    client.pending = [];
    client.phase = 'live';
    client.lastId = highest;
    send(client, frame({ type: 'resume.done', lastId: highest, truncated }));
  }

  /** Everything published while the subscriber was away is gone: catch clients up from Postgres. */
  async function catchUpAfterReconnect(): Promise<void> {
    const live = [...clients].filter((c) => c.phase === 'live');
    deps.log.warn({ clients: live.length }, 'live channel resubscribed; catching clients up');
    await Promise.all(
      live.map((client) =>
        resume(client, client.lastId).catch((error: unknown) => {
          client.log.error({ err: error }, 'catch-up after a Redis reconnect failed');
          client.socket.close(1011, 'catch-up failed: reconnect and resume');
        }),
      ),
    );
  }

  function deliver(client: Client, event: HubEvent): void {
    if (client.phase === 'live') {
      send(client, frame(shapeFor(client, event)));
      const id = mentionIdOf(event);
      if (id !== null) client.lastId = Math.max(client.lastId ?? 0, id);
    } else if (client.pending.length < MAX_PENDING_ITEMS) client.pending.push(event);
    else client.socket.close(SLOW_CONSUMER, 'too far behind: reconnect and resume');
  }

  // Bus messages are loaded and delivered one after another, in the order they arrived.
  let delivering: Promise<void> = Promise.resolve();

  function onBusMessage(message: LiveBusMessage): void {
    if (message.kind === 'sessions.ended') {
      endSessions(message.sessionIds);
      return;
    }
    const rooms = new Set(message.rooms);
    const readers = () => [...clients].filter((c) => [...c.rooms].some((room) => rooms.has(room)));
    if (readers().length === 0) return;
    const loaded = hydrate(deps.pool, message.events);
    delivering = delivering.then(async () => {
      try {
        const events = await loaded;
        for (const client of readers()) for (const event of events) deliver(client, event);
      } catch (error) {
        // Nothing is lost: each reader resumes from the last id it was sent once it reconnects.
        deps.log.warn({ err: error }, 'unable to load live mentions; asking readers to resume');
        for (const client of readers()) {
          client.socket.close(SLOW_CONSUMER, 'could not load new mentions: reconnect and resume');
        }
      }
    });
  }

  function endSessions(sessionIds: readonly string[]): void {
    deps.onSessionsEnded?.(sessionIds);
    const ended = new Set(sessionIds);
    for (const client of clients) {
      if (!ended.has(client.viewer.sessionId)) continue;
      client.socket.close(SESSION_ENDED, 'session ended: sign in again');
      clients.delete(client);
    }
  }

  async function checkSessions(): Promise<void> {
    if (clients.size === 0) return;
    const ids = [...new Set([...clients].map((c) => c.viewer.sessionId))];
    const valid = await deps.validSessions(ids);
    endSessions(ids.filter((id) => !valid.has(id)));
  }

  function badMessage(client: Client, code: string, message: string): void {
    send(client, frame({ type: 'error', error: { code, message } }));
  }

  return {
    async start() {
      subscription = await subscribeLive(deps.subscriber, deps.prefix, {
        onMessage: onBusMessage,
        onResubscribed: catchUpAfterReconnect,
        log: deps.log,
      });
      sessionTimer = setInterval(() => {
        checkSessions().catch((error: unknown) =>
          deps.log.warn({ err: error }, 'unable to re-check live sessions; trying again later'),
        );
      }, deps.sessionCheckMs ?? SESSION_CHECK_MS);
      sessionTimer.unref();
    },

    attach(socket, viewer, log) {
      const client: Client = {
        socket,
        viewer,
        rooms: new Set(roomsOf({ id: viewer.userId, roles: viewer.roles })),
        rawText: can(viewer.roles, 'mentions.read-raw'),
        redaction: deps.redaction ?? {},
        phase: 'waiting',
        pending: [],
        lastId: null,
        log,
      };
      clients.add(client);
      const begin = (lastId: number | null) => {
        clearTimeout(timer);
        resume(client, lastId).catch((error: unknown) => {
          log.error({ err: error }, 'live back-fill failed');
          badMessage(
            client,
            'backfill_failed',
            'could not load missed mentions; reconnect to retry',
          );
          socket.close(1011, 'back-fill failed');
        });
      };
      const timer = setTimeout(() => {
        if (client.phase === 'waiting') begin(null);
      }, RESUME_WAIT_MS);
      socket.on('message', (data) => {
        let message: LiveClientMessage;
        try {
          message = LiveClientMessage.parse(JSON.parse(String(data)));
        } catch {
          badMessage(client, 'bad_message', 'expected {"type":"resume","lastId":<number|null>}');
          return;
        }
        if (client.phase !== 'waiting') {
          badMessage(client, 'already_resumed', 'resume may be sent once, first');
          return;
        }
        begin(message.lastId);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        clients.delete(client);
      });
      socket.on('error', (error) => log.warn({ err: error }, 'live socket error'));
    },

    clientCount: () => clients.size,
    endSessions,
    checkSessions,

    async close() {
      clearInterval(sessionTimer);
      for (const client of clients) client.socket.close(1001, 'server shutting down');
      clients.clear();
      await subscription?.close();
    },
  };
}
