import { createDatabase, readSchemaState, runMigrations } from '@barometer/db';
import { loadCliConfig } from '../config.ts';

export async function run(_args: string[]): Promise<number> {
  const config = loadCliConfig();
  // A migration may rewrite a large table: no statement or query bound.
  const database = createDatabase(config.DATABASE_URL, {
    max: 2,
    statementTimeoutMs: 0,
    queryTimeoutMs: 0,
  });
  try {
    await runMigrations(database).catch((error: unknown) => {
      throw new Error(
        `unable to migrate ${redactUrl(config.DATABASE_URL)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const state = await readSchemaState(database);
    process.stdout.write(`schema up to date (${state.applied} migrations applied)\n`);
    return 0;
  } finally {
    await database.close();
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid DATABASE_URL)';
  }
}
