import type { SourceCreateBody, SourceDto, SourceUpdateBody } from '@barometer/core';
import { sql } from 'drizzle-orm';
import { orm, type Queryable } from '../client.ts';
import { sources } from '../schema/sources.ts';

export type SourceRow = typeof sources.$inferSelect;

// Written out in full: drizzle renders ${sources.id} unqualified ("id"), which inside this
// subquery would name the mention's own id.
const mentionsLast24h = sql<number>`(
  select count(*)::int from mentions m
  where m.source_id = "sources"."id" and m.fetched_at > now() - interval '24 hours'
)`;

const hasCredential = sql<boolean>`exists(
  select 1 from source_credentials c where c.source_id = "sources"."id"
)`;

/** Quota days end at midnight Pacific (YouTube's reset). */
const quotaUsedToday = sql<number>`coalesce((
  select u.units from quota_usage u
  where u.source_id = "sources"."id" and u.day = (now() at time zone 'America/Los_Angeles')::date
), 0)`;

const streamState = sql<{ status: 'connected' | 'reconnecting'; problem: string | null } | null>`(
  select json_build_object('status', c.status, 'problem', c.last_error) from stream_cursors c
  where c.source_id = "sources"."id" and c.status is not null
)`;

const extras = { mentionsLast24h, hasCredential, quotaUsedToday, streamState };

interface Extras {
  mentionsLast24h: number;
  hasCredential?: boolean;
  quotaUsedToday?: number;
  streamState?: { status: 'connected' | 'reconnecting'; problem: string | null } | null;
}

function toDto(row: SourceRow & Extras): SourceDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    isQueryFeed: row.isQueryFeed,
    pollIntervalSeconds: row.pollIntervalSeconds,
    enabled: row.enabled,
    status: row.status,
    lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
    lastError: row.lastError,
    consecutiveFailures: row.consecutiveFailures,
    nextPollAt: row.nextPollAt?.toISOString() ?? null,
    mentionsLast24h: row.mentionsLast24h,
    createdAt: row.createdAt.toISOString(),
    query: row.query,
    credentials: row.hasCredential ? 'set' : 'not set',
    quotaUsedToday: row.quotaUsedToday ?? 0,
    stream: row.streamState ?? null,
  };
}

export async function listSources(q: Queryable): Promise<SourceDto[]> {
  const rows = await orm(q)
    .select({ source: sources, ...extras })
    .from(sources)
    .orderBy(sources.name, sources.id);
  return rows.map(({ source, ...rest }) => toDto({ ...source, ...rest }));
}

export async function getSource(q: Queryable, id: number): Promise<SourceRow | undefined> {
  const [row] = await orm(q).select().from(sources).where(sql`${sources.id} = ${id}`);
  return row;
}

export async function getSourceDto(q: Queryable, id: number): Promise<SourceDto | undefined> {
  const [row] = await orm(q)
    .select({ source: sources, ...extras })
    .from(sources)
    .where(sql`${sources.id} = ${id}`);
  if (!row) return undefined;
  const { source, ...rest } = row;
  return toDto({ ...source, ...rest });
}

export async function createSource(q: Queryable, body: SourceCreateBody): Promise<SourceDto> {
  const [row] = await orm(q).insert(sources).values(body).returning();
  if (!row) throw new Error('unable to create source: no row returned');
  return toDto({ ...row, mentionsLast24h: 0 });
}

export async function updateSource(
  q: Queryable,
  id: number,
  body: SourceUpdateBody,
): Promise<SourceDto | undefined> {
  // Re-enabling or changing the URL or query is a fresh start: clear the failure state, poll soon.
  const restart = body.url !== undefined || body.query !== undefined || body.enabled === true;
  const [row] = await orm(q)
    .update(sources)
    .set({
      ...body,
      updatedAt: new Date(),
      ...(restart
        ? {
            status: 'pending' as const,
            consecutiveFailures: 0,
            lastError: null,
            lastErrorCode: null,
            nextPollAt: new Date(),
          }
        : {}),
      ...(body.url !== undefined || body.query !== undefined
        ? { etag: null, lastModified: null, contentHash: null, pollCursor: null }
        : {}),
    })
    .where(sql`${sources.id} = ${id}`)
    .returning();
  if (!row) return undefined;
  return getSourceDto(q, row.id);
}

/** Sources whose next poll is due, oldest first. */
export async function listDueSources(q: Queryable, now: Date, limit: number): Promise<SourceRow[]> {
  return orm(q)
    .select()
    .from(sources)
    .where(
      sql`${sources.enabled} and ${sources.status} not in ('gone', 'paused') and ${sources.nextPollAt} <= ${now.toISOString()}`,
    )
    .orderBy(sources.nextPollAt)
    .limit(limit);
}

export interface PollSuccess {
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  nextPollAt: Date;
}

export async function recordPollSuccess(
  q: Queryable,
  id: number,
  result: PollSuccess,
): Promise<void> {
  const now = new Date();
  await orm(q)
    .update(sources)
    .set({
      status: 'healthy',
      lastSuccessAt: now,
      lastAttemptAt: now,
      lastError: null,
      lastErrorCode: null,
      consecutiveFailures: 0,
      etag: result.etag,
      lastModified: result.lastModified,
      contentHash: result.contentHash,
      nextPollAt: result.nextPollAt,
      updatedAt: now,
    })
    .where(sql`${sources.id} = ${id}`);
  await endOutage(q, id, now);
}

export interface PollFailure {
  code: string;
  message: string;
  status: 'failing' | 'paused' | 'gone';
  nextPollAt: Date;
}

export async function recordPollFailure(
  q: Queryable,
  id: number,
  failure: PollFailure,
): Promise<void> {
  const now = new Date();
  await orm(q)
    .update(sources)
    .set({
      status: failure.status,
      lastAttemptAt: now,
      lastError: failure.message,
      lastErrorCode: failure.code,
      consecutiveFailures: sql`${sources.consecutiveFailures} + 1`,
      nextPollAt: failure.nextPollAt,
      updatedAt: now,
    })
    .where(sql`${sources.id} = ${id}`);
  await startOutage(q, id, now);
}

/**
 * The weekly report's coverage reads these: a source is down from its first failed poll until its
 * next success. One open outage per source; repeating a failure extends it, not duplicates it.
 */
async function startOutage(q: Queryable, sourceId: number, at: Date): Promise<void> {
  await q.query(
    `insert into source_outages (source_id, started_at)
     select $1, $2 where not exists (
       select 1 from source_outages where source_id = $1 and ended_at is null)`,
    [sourceId, at],
  );
}

async function endOutage(q: Queryable, sourceId: number, at: Date): Promise<void> {
  await q.query(
    'update source_outages set ended_at = $2 where source_id = $1 and ended_at is null',
    [sourceId, at],
  );
}

/** "Poll now": the next scheduler tick picks the source up; paused sources are resumed. */
export async function requestPollNow(q: Queryable, id: number): Promise<SourceDto | undefined> {
  const [row] = await orm(q)
    .update(sources)
    .set({
      nextPollAt: new Date(),
      status: sql`case when ${sources.status} = 'paused' then 'pending' else ${sources.status} end`,
      updatedAt: new Date(),
    })
    .where(sql`${sources.id} = ${id}`)
    .returning({ id: sources.id });
  return row ? getSourceDto(q, row.id) : undefined;
}

/**
 * Forgets the validators of every source (or one) and makes it due, so the next polls fetch full bodies again.
 * Used when Redis has lost its state: ingest jobs that were in flight are gone, and a 304 or an
 * unchanged body hash would otherwise hide their items for good. Upserts make the refetch safe.
 */
export async function forgetValidators(q: Queryable, sourceId?: number): Promise<number> {
  const only = sourceId === undefined ? sql`true` : sql`${sources.id} = ${sourceId}`;
  const rows = await orm(q)
    .update(sources)
    .set({ etag: null, lastModified: null, contentHash: null, nextPollAt: new Date() })
    .where(sql`${sources.enabled} and ${sources.status} <> 'gone' and ${only}`)
    .returning({ id: sources.id });
  return rows.length;
}

/** The source already stored under the same normalised address, if any. */
export async function findSourceByAddress(
  q: Queryable,
  url: string,
  normalise: (url: string) => string,
  exceptId?: number,
): Promise<SourceRow | undefined> {
  const target = normalise(url);
  const rows = await orm(q).select().from(sources);
  return rows.find((s) => s.id !== exceptId && normalise(s.url) === target);
}

export async function countSourceMentions(q: Queryable, id: number): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'select count(*)::int as n from mentions where source_id = $1',
    [id],
  );
  return rows[0]?.n ?? 0;
}

/** Deletes a source; its mentions go with it (foreign key cascade). */
export async function deleteSource(q: Queryable, id: number): Promise<SourceRow | undefined> {
  const [row] = await orm(q).delete(sources).where(sql`${sources.id} = ${id}`).returning();
  return row;
}
