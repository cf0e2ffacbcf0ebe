import type { SourceCreateBody, TrustProfile } from '@barometer/core';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { orm, withTransaction } from '../client.ts';
import { sources } from '../schema/sources.ts';
import { trustProfile } from '../schema/trust-profile.ts';

export interface SeedResult {
  profileCreated: boolean;
  sourcesCreated: number;
}

/** Seeds only what is empty: a database someone has already configured is left alone. */
export async function seedIfEmpty(
  pool: pg.Pool,
  profile: TrustProfile,
  sourceList: SourceCreateBody[],
): Promise<SeedResult> {
  return withTransaction(pool, async (client) => {
    const tx = orm(client);
    const inserted = await tx
      .insert(trustProfile)
      .values({ id: 1, ...profile })
      .onConflictDoNothing()
      .returning({ id: trustProfile.id });
    const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(sources);
    let sourcesCreated = 0;
    if ((count?.n ?? 0) === 0 && sourceList.length > 0) {
      const rows = await tx.insert(sources).values(sourceList).returning({ id: sources.id });
      sourcesCreated = rows.length;
    }
    return { profileCreated: inserted.length > 0, sourcesCreated };
  });
}
