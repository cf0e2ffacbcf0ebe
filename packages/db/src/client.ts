import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

// int8 (bigserial ids, count(*)) as JS numbers: ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

const CONNECT_TIMEOUT_MS = 5000;

export type Db = NodePgDatabase<typeof schema>;

/** What every query takes: the pool, or the client of a transaction in progress. */
export type Queryable = pg.Pool | pg.PoolClient;

export interface Database {
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  // A server that stops answering (rather than refusing) must not hold requests forever.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client losing its connection (Postgres restart) must not crash the process;
  // the pool replaces it and the next query reports the failure where it happens.
  pool.on('error', () => {});
  return { pool, close: () => pool.end() };
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
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
