import { acquireLock, type Lock, type RedisConnection } from '@barometer/bus';
import {
  type ConnectorSource,
  type SessionStore,
  type StreamHandle,
  type StreamSink,
  streamConnectorFor,
} from '@barometer/connectors';
import type { HttpPolicy } from '@barometer/http';
import type { Logger } from 'pino';

/** A stream source as the runner needs it (credential decrypted in memory only). */
export interface StreamSourceRow extends ConnectorSource {
  cursor: string | null;
}

/** What the runner reads and writes in Postgres. */
export interface StreamStore {
  /** Enabled sources whose kind has a stream connector (and the credential it needs). */
  listStreamSources(): Promise<StreamSourceRow[]>;
}

export interface StreamRunnerOptions {
  store: StreamStore;
  redis: RedisConnection;
  redisPrefix: string;
  policy: HttpPolicy;
  log: Logger;
  /** The sink for one source: where its mentions, deletions, cursor and health go. */
  sinkFor(source: StreamSourceRow, log: Logger): StreamSink & { close(): Promise<void> };
  matches?: (text: string) => boolean;
  sessions?: SessionStore;
  /** How often the set of stream sources is re-read (default 30 s). */
  refreshMs?: number;
  /** The per-source lease, so one worker process runs each stream (default 60 s, renewed). */
  leaseMs?: number;
  reconnect?: { initialMs: number; maxMs: number };
}

interface Running {
  handle: StreamHandle;
  lease: Lock;
  sink: { close(): Promise<void> };
  /** Changing the query or credential restarts the consumer. */
  fingerprint: string;
}

/**
 * Starts one long-lived consumer per enabled stream source, across every worker process (a
 * Redis lease per source, renewed while it runs; another process takes over within a lease if
 * this one dies), resuming each from the cursor stored in Postgres. Re-reads the sources
 * periodically: new ones start, disabled or deleted ones stop, edited ones restart.
 */
export function startStreamRunner(options: StreamRunnerOptions): {
  close(): Promise<void>;
  refresh(): Promise<void>;
} {
  const leaseMs = options.leaseMs ?? 60_000;
  const running = new Map<number, Running>();
  let closed = false;
  let busy: Promise<void> = Promise.resolve();

  const stop = async (id: number) => {
    const entry = running.get(id);
    if (!entry) return;
    running.delete(id);
    await entry.handle.stop();
    await entry.sink.close();
    await entry.lease.release().catch(() => undefined);
  };

  const reconcile = async () => {
    if (closed) return;
    const sources = await options.store.listStreamSources();
    const wanted = new Map(sources.map((s) => [s.id, s]));
    for (const [id, entry] of running) {
      const source = wanted.get(id);
      const leaseHeld = await entry.lease.extend(leaseMs).catch(() => false);
      if (!source || fingerprintOf(source) !== entry.fingerprint || !leaseHeld) await stop(id);
    }
    for (const source of sources) {
      if (closed || running.has(source.id)) continue;
      const connector = streamConnectorFor(source.kind);
      if (!connector) continue;
      const lease = await acquireLock(options.redis, `${options.redisPrefix}:stream:${source.id}`, {
        ttlMs: leaseMs,
        waitMs: 0,
      });
      if (!lease) continue; // another worker runs it
      const log = options.log.child({ sourceId: source.id, stream: source.kind });
      const sink = options.sinkFor(source, log);
      const handle = connector.start(source, options.policy, sink, {
        ...(options.matches ? { matches: options.matches } : {}),
        ...(options.sessions ? { sessions: options.sessions } : {}),
        ...(options.reconnect ? { reconnect: options.reconnect } : {}),
      });
      running.set(source.id, { handle, lease, sink, fingerprint: fingerprintOf(source) });
      log.info({ cursor: source.cursor }, 'stream started');
    }
  };

  const refresh = () => {
    busy = busy
      .then(reconcile)
      .catch((err: unknown) =>
        options.log.warn({ err }, 'unable to refresh the stream sources; retrying'),
      );
    return busy;
  };
  void refresh();
  const timer = setInterval(refresh, options.refreshMs ?? 30_000);
  timer.unref();
  return {
    refresh,
    async close() {
      closed = true;
      clearInterval(timer);
      await busy;
      await Promise.all([...running.keys()].map(stop));
    },
  };
}

function fingerprintOf(source: StreamSourceRow): string {
  return JSON.stringify([source.url, source.query ?? null, source.credential ?? null]);
}
