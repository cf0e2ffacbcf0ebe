import type { TrustProfile } from '@barometer/core';
import { sql } from 'drizzle-orm';
import { orm, type Queryable } from '../client.ts';
import { trustProfile } from '../schema/trust-profile.ts';

export async function getTrustProfile(q: Queryable): Promise<TrustProfile | undefined> {
  const [row] = await orm(q).select().from(trustProfile).where(sql`${trustProfile.id} = 1`);
  if (!row) return undefined;
  return {
    name: row.name,
    aliases: row.aliases,
    handles: row.handles,
    hashtags: row.hashtags,
    sites: row.sites,
    taxonomy: row.taxonomy,
  };
}

export async function saveTrustProfile(q: Queryable, profile: TrustProfile): Promise<void> {
  await orm(q)
    .insert(trustProfile)
    .values({ id: 1, ...profile })
    .onConflictDoUpdate({ target: trustProfile.id, set: { ...profile, updatedAt: new Date() } });
}
