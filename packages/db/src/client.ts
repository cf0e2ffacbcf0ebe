import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

// int8 (bigserial ids, count(*)) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export type Db = NodePgDatabase<typeof schema>;

/** What every query takes: the pool, or the client of a transaction in progress. */
export type Queryable = pg.Pool | pg.PoolClient;

export interface Database {
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * How long anything may wait on Postgres. A server that stops answering (a black-holed network,
 * a wedged host) must surface as an error within these bounds, never as a request, job or
 * shutdown that hangs.
 */
export interface DatabaseOptions {
  /** Connections in the pool. */
  max?: number;
  /** Giving up on opening a connection. */
  connectTimeoutMs?: number;
  /** Server side: Postgres cancels a statement running longer (0 turns it off, for migrations). */
  statementTimeoutMs?: number;
  /** Client side: a query with no answer this long fails and its connection is discarded. */
  queryTimeoutMs?: number;
  /** An idle connection is closed after this long, so a pool recovers fresh ones after an outage. */
  idleTimeoutMs?: number;
  /** TCP keepalive probes start after this much silence, so a dead peer is noticed by the kernel. */
  keepAliveDelayMs?: number;
  /** How long close() waits for connections to end politely before dropping them. */
  closeTimeoutMs?: number;
}

export const DATABASE_DEFAULTS = {
  max: 10,
  connectTimeoutMs: 5000,
  statementTimeoutMs: 15_000,
  queryTimeoutMs: 20_000,
  idleTimeoutMs: 30_000,
  keepAliveDelayMs: 10_000,
  closeTimeoutMs: 2000,
} satisfies Required<DatabaseOptions>;

interface PoolInternals {
  _clients?: { connection?: { stream?: { destroy(): void } } }[];
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const o = { ...DATABASE_DEFAULTS, ...options };
  const pool = new pg.Pool({
    connectionString: url,
    max: o.max,
    connectionTimeoutMillis: o.connectTimeoutMs,
    idleTimeoutMillis: o.idleTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: o.keepAliveDelayMs,
    // The server-side bound cancels slow work; the client-side one (a little longer, so the
    // server's clearer error wins when it can answer) catches a server that answers nothing.
    ...(o.statementTimeoutMs > 0 ? { statement_timeout: o.statementTimeoutMs } : {}),
    ...(o.queryTimeoutMs > 0 ? { query_timeout: o.queryTimeoutMs } : {}),
  });
  // An idle client losing its connection (Postgres restart) must not crash the process;
  // the pool replaces it and the next query reports the failure where it happens.
  pool.on('error', () => {});
  return {
    pool,
    close: async () => {
      let timer: NodeJS.Timeout | undefined;
      const ended = pool.end();
      const gaveUp = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), o.closeTimeoutMs);
      });
      const outcome = await Promise.race([ended.then(() => 'ended' as const), gaveUp]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        // A server that never answers never acknowledges the goodbye either: drop the sockets.
        // pg-pool exposes no way to do this, hence its internal list of clients.
        for (const client of (pool as unknown as PoolInternals)._clients ?? []) {
          client.connection?.stream?.destroy();
        }
        ended.catch(() => {});
      }
    },
  };
}

const orms = new WeakMap<Queryable, Db>();

/** The drizzle query builder over a pool or a transaction's client (built once per client). */
export function orm(q: Queryable): Db {
  let db = orms.get(q);
  if (!db) {
    db = drizzle(q, { schema });
    orms.set(q, db);
  }
  return db;
}

/**
 * Runs `work` in one transaction on one client: committed if it returns, rolled back if it
 * throws. Pass the client to every query inside.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    // A connection that timed out or broke mid-transaction is discarded, not reused.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
