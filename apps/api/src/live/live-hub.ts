import {
  LIVE_BACKFILL_LIMIT,
  LiveBusMessage,
  LiveClientMessage,
  type LiveServerMessage,
  liveChannel,
  type MentionDto,
} from '@barometer/core';
import { latestMentionId, listMentionsAfter } from '@barometer/db';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { WebSocket } from 'ws';

/** A client that has not said where it left off within this time just gets live items. */
const RESUME_WAIT_MS = 3000;
/** A socket this far behind is closed; it reconnects with its last id and loses nothing. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Live items held for a client while its back-fill runs. */
const MAX_PENDING_ITEMS = 5000;
/** A back-fill pauses above this until the socket flushes, so it never trips the cap above. */
const BACKFILL_HIGH_WATER_BYTES = 1024 * 1024;
const SLOW_CONSUMER = 1013;

interface Client {
  socket: WebSocket;
  phase: 'waiting' | 'backfilling' | 'live';
  pending: MentionDto[];
  /** The newest mention this client has been sent (or had nothing newer than): where to resume. */
  lastId: number | null;
  log: Logger;
}

export interface LiveHub {
  start(): Promise<void>;
  attach(socket: WebSocket, log: Logger): void;
  clientCount(): number;
  close(): Promise<void>;
}

function frame(message: LiveServerMessage): string {
  return JSON.stringify(message);
}

/**
 * Subscribes once to the Redis channel the workers publish on, and fans each committed mention out
 * to every connected dashboard. A client may first ask for everything after the last id it saw;
 * it is back-filled from Postgres while live items queue behind, then switched to live.
 */
export function createLiveHub(deps: {
  subscriber: Redis;
  pool: pg.Pool;
  prefix: string;
  log: Logger;
}): LiveHub {
  const clients = new Set<Client>();
  const channel = liveChannel(deps.prefix);

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

  async function resume(client: Client, lastId: number | null): Promise<void> {
    client.phase = 'backfilling';
    const sent = new Set<number>();
    // A client starting afresh is level with what is committed now; a later catch-up starts here.
    let highest = lastId ?? (await latestMentionId(deps.pool));
    let truncated = false;
    if (lastId !== null) {
      const missed = await listMentionsAfter(deps.pool, lastId, LIVE_BACKFILL_LIMIT);
      truncated = missed.filter((m) => m.id > lastId).length >= LIVE_BACKFILL_LIMIT;
      for (const mention of missed) {
        await sendPaced(client, frame({ type: 'mention.created', mention }));
        sent.add(mention.id);
        highest = Math.max(highest ?? 0, mention.id);
      }
    }
    // Live items that arrive while this loop waits are appended to pending and sent here too.
    for (const mention of client.pending) {
      if (sent.has(mention.id)) continue;
      await sendPaced(client, frame({ type: 'mention.created', mention }));
      highest = Math.max(highest ?? 0, mention.id);
    }
    client.pending = [];
    client.phase = 'live';
    client.lastId = highest;
    send(client, frame({ type: 'resume.done', lastId: highest, truncated }));
  }

  /**
   * Redis pub/sub delivers at most once: whatever was published while our subscriber was
   * reconnecting is gone from the channel. Once subscribed again, every live client is caught up
   * from Postgres, exactly as if it had reconnected with its last id.
   */
  async function catchUpAfterReconnect(): Promise<void> {
    await deps.subscriber.subscribe(channel);
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

  function onBusMessage(raw: string): void {
    let parsed: LiveBusMessage;
    try {
      parsed = LiveBusMessage.parse(JSON.parse(raw));
    } catch (error) {
      deps.log.error({ err: error }, 'ignoring malformed live bus message');
      return;
    }
    for (const mention of parsed.mentions) {
      const data = frame({ type: 'mention.created', mention });
      for (const client of clients) {
        if (client.phase === 'live') {
          send(client, data);
          client.lastId = Math.max(client.lastId ?? 0, mention.id);
        } else if (client.pending.length < MAX_PENDING_ITEMS) client.pending.push(mention);
        else client.socket.close(SLOW_CONSUMER, 'too far behind: reconnect and resume');
      }
    }
  }

  return {
    async start() {
      deps.subscriber.on('message', (ch: string, message: string) => {
        if (ch === channel) onBusMessage(message);
      });
      await deps.subscriber.subscribe(channel);
      // 'ready' fires again each time ioredis has reconnected after losing the connection.
      deps.subscriber.on('ready', () => {
        catchUpAfterReconnect().catch((error: unknown) =>
          deps.log.error({ err: error }, 'unable to resubscribe to the live channel'),
        );
      });
    },

    attach(socket, log) {
      const client: Client = { socket, phase: 'waiting', pending: [], lastId: null, log };
      clients.add(client);
      const begin = (lastId: number | null) => {
        clearTimeout(timer);
        resume(client, lastId).catch((error: unknown) => {
          log.error({ err: error }, 'live back-fill failed');
          send(
            client,
            frame({
              type: 'error',
              error: {
                code: 'backfill_failed',
                message: 'could not load missed mentions; reconnect to retry',
              },
            }),
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
          send(
            client,
            frame({
              type: 'error',
              error: {
                code: 'bad_message',
                message: 'expected {"type":"resume","lastId":<number|null>}',
              },
            }),
          );
          return;
        }
        if (client.phase !== 'waiting') {
          send(
            client,
            frame({
              type: 'error',
              error: { code: 'already_resumed', message: 'resume may be sent once, first' },
            }),
          );
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

    async close() {
      for (const client of clients) client.socket.close(1001, 'server shutting down');
      clients.clear();
      await deps.subscriber.quit();
    },
  };
}
