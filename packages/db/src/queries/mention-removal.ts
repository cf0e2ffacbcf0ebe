import { createHash } from 'node:crypto';
import type pg from 'pg';
import { auditedAction } from '../audited-action.ts';
import type { Queryable } from '../client.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from './audit.ts';

/** Rows removed per statement, so a large purge never holds one long transaction. */
const BATCH = 5000;

/**
 * Deletes mentions fetched before `cutoff` (and those hidden as deleted upstream), a batch at a time (at most `maxBatches`), and writes
 * the count to the audit log as the system. Returns how many went.
 */
export async function purgeMentionsOlderThan(
  pool: pg.Pool,
  cutoff: Date,
  options: { months: number; maxBatches?: number },
): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 200); batch++) {
    const { rowCount } = await pool.query(
      // Past retention, or deleted upstream (hidden since): the row and its text go.
      `delete from mentions where id in (
         select id from mentions where fetched_at < $1 or deleted_at is not null
         order by id limit $2)`,
      [cutoff, BATCH],
    );
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) break;
  }
  await recordAudit(pool, SYSTEM_ACTOR, {
    action: 'mentions.retention',
    subjectType: 'mentions',
    subjectId: null,
    after: { deleted, fetchedBefore: cutoff.toISOString(), retentionMonths: options.months },
  });
  return deleted;
}

/** A handle as people type it: "@Jo", "jo" and "JO" are one author. */
export function authorKey(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** The handle in the audit log: a hash, so the log of an erasure does not name the person. */
export function hashedAuthor(handle: string): string {
  return createHash('sha256').update(authorKey(handle)).digest('hex').slice(0, 16);
}

async function deleteByAuthor(
  q: Queryable,
  handle: string,
  sourceId: number | null,
): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    `delete from mentions
     where lower(regexp_replace(btrim(author), '^@', '')) = $1
       and ($2::bigint is null or source_id = $2)
     returning id`,
    [authorKey(handle), sourceId],
  );
  return rows.map((r) => r.id);
}

/**
 * Removes every stored mention by one author (on one source, or all), with the audit row in the
 * same transaction. The log names a hash of the handle, never the handle.
 */
export async function eraseAuthorMentions(
  pool: pg.Pool,
  actor: Actor,
  request: { author: string; sourceId: number | null },
): Promise<number[]> {
  return auditedAction(pool, actor, async (tx) => {
    const ids = await deleteByAuthor(tx, request.author, request.sourceId);
    return {
      result: ids,
      audit: {
        action: 'mentions.erase',
        subjectType: 'author',
        subjectId: hashedAuthor(request.author),
        after: { deleted: ids.length, sourceId: request.sourceId },
      },
    };
  });
}

/** Removes the mentions a source reports deleted upstream; returns their ids. */
export async function deleteMentionsByExternalIds(
  q: Queryable,
  sourceId: number,
  externalIds: readonly string[],
): Promise<number[]> {
  if (externalIds.length === 0) return [];
  const { rows } = await q.query<{ id: number }>(
    'delete from mentions where source_id = $1 and external_id = any($2::text[]) returning id',
    [sourceId, externalIds],
  );
  return rows.map((r) => r.id);
}
