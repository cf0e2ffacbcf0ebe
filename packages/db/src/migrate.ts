import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { type Database, orm } from './client.ts';

export const MIGRATIONS_FOLDER = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

// Any fixed number: it serialises concurrent `barometer migrate` runs (compose, CI, a person).
const MIGRATION_LOCK_KEY = 7_041_962;

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** Applies every pending migration; safe to run twice and from two processes at once. */
export async function runMigrations(database: Database, folder = MIGRATIONS_FOLDER): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(orm(database.pool), { migrationsFolder: folder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

export interface SchemaState {
  applied: number;
  expected: number;
  upToDate: boolean;
}

export async function readSchemaState(
  database: Database,
  folder = MIGRATIONS_FOLDER,
): Promise<SchemaState> {
  const journal = readJournal(folder);
  const expected = journal.entries.length;
  const latest = Math.max(0, ...journal.entries.map((e) => e.when));
  const exists = await database.pool.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (!exists.rows[0]?.present) return { applied: 0, expected, upToDate: expected === 0 };
  const { rows } = await database.pool.query<{ applied: number; newest: string | null }>(
    'select count(*)::int as applied, max(created_at)::text as newest from drizzle.__drizzle_migrations',
  );
  const applied = rows[0]?.applied ?? 0;
  const newest = Number(rows[0]?.newest ?? 0);
  return { applied, expected, upToDate: newest >= latest && applied >= expected };
}

/** Apps call this at start: refusing to run on a stale schema beats failing mid-request. */
export async function assertSchemaUpToDate(database: Database): Promise<void> {
  const state = await readSchemaState(database);
  if (!state.upToDate) {
    throw new Error(
      `database schema is behind (${state.applied} of ${state.expected} migrations applied): run \`npx barometer migrate\``,
    );
  }
}
