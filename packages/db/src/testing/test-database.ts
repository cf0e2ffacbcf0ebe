import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database } from '../client.ts';
import { runMigrations } from '../migrate.ts';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** Drops the database; call from afterAll. */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file, so files run in parallel without sharing rows.
 * Uses TEST_DATABASE_URL (a server URL) or the local default.
 */
export async function createTestDatabase(
  label = 'test',
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const name = `barometer_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const database = createDatabase(url, { max: 5 });
  if (options.migrate !== false) await runMigrations(database);
  return {
    ...database,
    url,
    name,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
