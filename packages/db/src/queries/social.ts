import { SECRET_KEY_HELP, type SourceKind } from '@barometer/core';
import type { Queryable } from '../client.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

const contextOf = (sourceId: number) => `source:${sourceId}`;

export async function removeSourceCredential(q: Queryable, sourceId: number): Promise<void> {
  await q.query('delete from source_credentials where source_id = $1', [sourceId]);
}

/** Sets or replaces a source's credential, sealed for that source alone. */
export async function setSourceCredential(
  q: Queryable,
  box: SecretBox,
  sourceId: number,
  plaintext: string,
): Promise<void> {
  await q.query(
    `insert into source_credentials (source_id, sealed) values ($1, $2)
     on conflict (source_id) do update set sealed = excluded.sealed, updated_at = now()`,
    [sourceId, box.seal(plaintext, contextOf(sourceId))],
  );
}

/** The credential in plain text, for a connector call in memory; null when none is set. */
export async function openSourceCredential(
  q: Queryable,
  box: SecretBox,
  sourceId: number,
): Promise<string | null> {
  const { rows } = await q.query<{ sealed: string }>(
    'select sealed from source_credentials where source_id = $1',
    [sourceId],
  );
  return rows[0] ? box.open(rows[0].sealed, contextOf(sourceId)) : null;
}

/** Which of these sources have a credential set: all the API may ever say about one. */
export async function sourcesWithCredentials(
  q: Queryable,
  sourceIds?: number[],
): Promise<Set<number>> {
  const { rows } = await q.query<{ source_id: number }>(
    sourceIds
      ? 'select source_id from source_credentials where source_id = any($1::bigint[])'
      : 'select source_id from source_credentials',
    sourceIds ? [sourceIds] : [],
  );
  return new Set(rows.map((r) => Number(r.source_id)));
}

export async function countSourceCredentials(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'select count(*)::int as n from source_credentials',
  );
  return rows[0]?.n ?? 0;
}

export async function saveSourceQuery(
  q: Queryable,
  sourceId: number,
  query: string | null,
): Promise<void> {
  await q.query(
    'update sources set query = $2, poll_cursor = null, updated_at = now() where id = $1',
    [sourceId, query],
  );
}

export async function savePollCursor(
  q: Queryable,
  sourceId: number,
  cursor: string | null,
): Promise<void> {
  await q.query('update sources set poll_cursor = $2 where id = $1', [sourceId, cursor]);
}

export interface StreamSourceRecord {
  id: number;
  kind: SourceKind;
  url: string;
  query: string | null;
  cursor: string | null;
  credential: string | null;
}

/** Enabled sources of the given kinds with their stream cursor and opened credential. */
export async function listStreamSourceRecords(
  q: Queryable,
  box: SecretBox | null,
  kinds: readonly SourceKind[],
): Promise<StreamSourceRecord[]> {
  const { rows } = await q.query<{
    id: number;
    kind: SourceKind;
    url: string;
    query: string | null;
    cursor: string | null;
    sealed: string | null;
  }>(
    `select s.id, s.kind, s.url, s.query, c.cursor, k.sealed
     from sources s
     left join stream_cursors c on c.source_id = s.id
     left join source_credentials k on k.source_id = s.id
     where s.enabled and s.status <> 'gone' and s.kind = any($1::text[])
     order by s.id`,
    [kinds],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    url: r.url,
    query: r.query,
    cursor: r.cursor,
    credential: r.sealed && box ? box.open(r.sealed, contextOf(Number(r.id))) : null,
  }));
}

export async function saveStreamCursor(
  q: Queryable,
  sourceId: number,
  cursor: string,
): Promise<void> {
  await q.query(
    `insert into stream_cursors (source_id, cursor) values ($1, $2)
     on conflict (source_id) do update set cursor = excluded.cursor, updated_at = now()`,
    [sourceId, cursor],
  );
}

export async function recordStreamStatus(
  q: Queryable,
  sourceId: number,
  status: 'connected' | 'reconnecting',
  error: string | null,
): Promise<void> {
  await q.query(
    `insert into stream_cursors (source_id, status, last_error) values ($1, $2, $3)
     on conflict (source_id) do update set status = excluded.status, last_error = excluded.last_error, updated_at = now()`,
    [sourceId, status, error],
  );
}

/** Hides what the platform deleted; returns the ids of the rows it hid. */
export async function markMentionsDeleted(
  q: Queryable,
  sourceId: number,
  externalIds: string[],
): Promise<number[]> {
  if (externalIds.length === 0) return [];
  const { rows } = await q.query<{ id: number }>(
    `update mentions set deleted_at = now(), updated_at = now()
     where source_id = $1 and external_id = any($2::text[]) and deleted_at is null
     returning id`,
    [sourceId, externalIds],
  );
  return rows.map((r) => Number(r.id));
}

/** Adds spent quota units to today's count and returns the new total. */
export async function addQuotaUnits(
  q: Queryable,
  sourceId: number,
  day: string,
  units: number,
): Promise<number> {
  const { rows } = await q.query<{ units: number }>(
    `insert into quota_usage (source_id, day, units) values ($1, $2::date, $3)
     on conflict (source_id, day) do update set units = quota_usage.units + excluded.units
     returning units`,
    [sourceId, day, units],
  );
  return rows[0]?.units ?? units;
}

export async function quotaUsed(q: Queryable, sourceId: number, day: string): Promise<number> {
  const { rows } = await q.query<{ units: number }>(
    'select units from quota_usage where source_id = $1 and day = $2::date',
    [sourceId, day],
  );
  return rows[0]?.units ?? 0;
}

/** Refuses to start when credentials are stored but there is no key to open them. */
export async function assertSecretKeyIfNeeded(
  q: Queryable,
  key: string | undefined,
): Promise<void> {
  if (key) return;
  if ((await countSourceCredentials(q)) > 0) {
    throw new Error(
      `sources have stored credentials but BAROMETER_SECRET_KEY is not set: ${SECRET_KEY_HELP}`,
    );
  }
}
