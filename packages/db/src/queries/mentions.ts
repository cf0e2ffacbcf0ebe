import {
  LIVE_BACKFILL_LIMIT,
  type MentionListQuery,
  type MentionScore,
  type NormalizedMention,
  type StoredMention,
} from '@barometer/core';
import type { Queryable } from '../client.ts';

/** A mention ready to store: what the connector produced plus what the scorer said. */
export interface MentionToStore {
  mention: NormalizedMention;
  score: MentionScore;
  contentHash: string;
}

export interface UpsertResult {
  /** Ids of rows that were inserted or whose content changed, in id order. */
  changedIds: number[];
  /** The subset of `changedIds` that are new rows. */
  insertedIds: number[];
  inserted: number;
  updated: number;
}

// One statement per batch, rows passed as a single JSON parameter: planning cost is paid once
// and there is no parameter limit (perf.md: drizzle's builder costs ~58 µs per row at 500 rows).
const UPSERT_SQL = `
insert into mentions (
  source_id, external_id, url, author, author_id, title, text, html, published_at, published_raw,
  content_hash, sentiment_score, sentiment_label, sentiment_confidence, explanation, flags,
  flag_evidence, topics, redacted_text, score_summary, highlights, scorer_version,
  parent_external_id, root_external_id
)
select $1::bigint, x.external_id, x.url, x.author, x.author_id, x.title, x.text, x.html, x.published_at,
  x.published_raw, x.content_hash, x.sentiment_score, x.sentiment_label, x.sentiment_confidence,
  x.explanation, x.flags, x.flag_evidence,
  coalesce(array(select jsonb_array_elements_text(x.topics)), '{}'), x.redacted_text,
  x.score_summary, x.highlights, x.scorer_version, x.parent_external_id, x.root_external_id
from jsonb_to_recordset($2::jsonb) as x(
  external_id text, url text, author text, author_id text, title text, text text, html text,
  published_at timestamptz, published_raw text, content_hash text, sentiment_score real,
  sentiment_label text, sentiment_confidence real, explanation jsonb, flags jsonb,
  flag_evidence jsonb, topics jsonb, redacted_text text, score_summary text, highlights jsonb,
  scorer_version text, parent_external_id text, root_external_id text
)
on conflict (source_id, external_id) do update set
  url = excluded.url, author = excluded.author, author_id = excluded.author_id, title = excluded.title, text = excluded.text,
  html = excluded.html, published_at = excluded.published_at,
  published_raw = excluded.published_raw, content_hash = excluded.content_hash,
  sentiment_score = excluded.sentiment_score, sentiment_label = excluded.sentiment_label,
  sentiment_confidence = excluded.sentiment_confidence, explanation = excluded.explanation,
  flags = excluded.flags, flag_evidence = excluded.flag_evidence, topics = excluded.topics,
  redacted_text = excluded.redacted_text, score_summary = excluded.score_summary,
  highlights = excluded.highlights, scorer_version = excluded.scorer_version,
  parent_external_id = excluded.parent_external_id, root_external_id = excluded.root_external_id,
  updated_at = now()
where mentions.content_hash is distinct from excluded.content_hash and mentions.deleted_at is null
returning id, (xmax = 0) as inserted`;

/** A score as the columns that store it, for the JSON rows the batched statements read. */
export function scoreColumns(s: MentionScore) {
  return {
    sentiment_score: s.sentiment.score,
    sentiment_label: s.sentiment.label,
    sentiment_confidence: s.sentiment.confidence,
    explanation: s.explanation,
    flags: s.flags,
    flag_evidence: s.flagEvidence,
    topics: s.topics,
    redacted_text: s.redacted,
    score_summary: s.summary,
    highlights: s.highlights,
    scorer_version: s.version,
  };
}

export async function upsertMentions(
  q: Queryable,
  sourceId: number,
  rows: MentionToStore[],
): Promise<UpsertResult> {
  if (rows.length === 0) return { changedIds: [], insertedIds: [], inserted: 0, updated: 0 };
  // A batch may repeat an external id (a feed listing one guid twice): keep the last copy,
  // because Postgres refuses to update one row twice in a single statement.
  const byExternalId = new Map<string, MentionToStore>();
  for (const row of rows) byExternalId.set(row.mention.externalId, row);
  const payload = [...byExternalId.values()].map(({ mention: m, score: s, contentHash }) => ({
    external_id: m.externalId,
    url: m.url,
    author: m.author,
    author_id: m.authorId ?? null,
    title: m.title,
    text: m.text,
    html: m.html,
    published_at: m.publishedAt,
    published_raw: m.publishedRaw,
    content_hash: contentHash,
    ...scoreColumns(s),
    parent_external_id: m.parentExternalId,
    root_external_id: m.rootExternalId,
  }));
  const { rows: out } = await q.query<{ id: number; inserted: boolean }>(UPSERT_SQL, [
    sourceId,
    JSON.stringify(payload),
  ]);
  const inserted = out.filter((r) => r.inserted).length;
  return {
    changedIds: out.map((r) => r.id).sort((a, b) => a - b),
    insertedIds: out
      .filter((r) => r.inserted)
      .map((r) => r.id)
      .sort((a, b) => a - b),
    inserted,
    updated: out.length - inserted,
  };
}

const SELECT_DTO = `
select m.id, m.source_id, s.name as source_name, s.kind as source_kind, m.external_id, m.url,
  m.author, m.title, m.text, m.html, m.published_at, m.fetched_at, m.sentiment_score,
  m.sentiment_label, m.sentiment_confidence, m.flags, m.flag_evidence, m.topics, m.explanation,
  m.scorer_version, m.parent_external_id, m.root_external_id, m.redacted_text, m.score_summary,
  m.highlights,
  ms.story_id, story.copies, story.sources
from mentions m join sources s on s.id = m.source_id
left join mention_stories ms on ms.mention_id = m.id
left join lateral (
  select (count(*) - 1)::int as copies,
         count(distinct o.source_id) filter (where o.source_id <> m.source_id)::int as sources
  from mention_stories x join mentions o on o.id = x.mention_id
  where x.story_id = ms.story_id) story on ms.story_id is not null`;

interface DtoRow {
  id: number;
  source_id: number;
  source_name: string;
  source_kind: StoredMention['sourceKind'];
  external_id: string;
  url: string | null;
  author: string | null;
  title: string | null;
  text: string;
  html: string | null;
  published_at: Date | null;
  fetched_at: Date;
  sentiment_score: number;
  sentiment_label: StoredMention['sentimentLabel'];
  sentiment_confidence: number;
  flags: StoredMention['flags'];
  flag_evidence: StoredMention['flagEvidence'];
  topics: string[];
  explanation: string[];
  scorer_version: string;
  parent_external_id: string | null;
  root_external_id: string | null;
  redacted_text: string | null;
  score_summary: string;
  highlights: StoredMention['highlights'];
  story_id: number | null;
  copies: number | null;
  sources: number | null;
}

/** The one place a mention row becomes the domain's shape. */
function toStoredMention(r: DtoRow): StoredMention {
  return {
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    sourceKind: r.source_kind,
    externalId: r.external_id,
    url: r.url,
    author: r.author,
    title: r.title,
    text: r.text,
    html: r.html,
    publishedAt: r.published_at?.toISOString() ?? null,
    fetchedAt: r.fetched_at.toISOString(),
    sentimentScore: r.sentiment_score,
    sentimentLabel: r.sentiment_label,
    sentimentConfidence: r.sentiment_confidence,
    flags: r.flags,
    flagEvidence: r.flag_evidence,
    topics: r.topics,
    explanation: r.explanation,
    scoreSummary: r.score_summary,
    highlights: r.highlights,
    scorerVersion: r.scorer_version,
    parentExternalId: r.parent_external_id,
    rootExternalId: r.root_external_id,
    story:
      r.story_id === null
        ? null
        : { id: Number(r.story_id), copies: r.copies ?? 0, sources: r.sources ?? 0 },
    // Rows from before redaction was stored fall back to the text; the scorer re-run fills them.
    redactedText: r.redacted_text ?? r.text,
  };
}

export async function getMention(q: Queryable, id: number): Promise<StoredMention | undefined> {
  const { rows } = await q.query<DtoRow>(`${SELECT_DTO} where m.id = $1`, [id]);
  return rows[0] ? toStoredMention(rows[0]) : undefined;
}

export async function getMentionsByIds(q: Queryable, ids: number[]): Promise<StoredMention[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<DtoRow>(
    `${SELECT_DTO} where m.id = any($1::bigint[]) order by m.id`,
    [ids],
  );
  return rows.map(toStoredMention);
}

/** Newest first by arrival (id), so a page boundary never moves while mentions stream in. */
export interface StoredMentionPage {
  items: StoredMention[];
  nextCursor: number | null;
}

export async function listMentions(
  q: Queryable,
  query: MentionListQuery,
): Promise<StoredMentionPage> {
  // Posts the platform deleted are hidden from every list.
  const where: string[] = ['m.deleted_at is null'];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (query.cursor !== undefined) add((p) => `m.id < ${p}`, query.cursor);
  if (query.sourceId !== undefined) add((p) => `m.source_id = ${p}`, query.sourceId);
  if (query.label !== undefined) add((p) => `m.sentiment_label = ${p}`, query.label);
  if (query.topic !== undefined) add((p) => `m.topics @> array[${p}::text]`, query.topic);
  if (query.flag !== undefined) add((p) => `(m.flags ->> ${p})::boolean`, query.flag);
  if (query.from !== undefined)
    add((p) => `coalesce(m.published_at, m.fetched_at) >= ${p}`, query.from);
  if (query.to !== undefined) add((p) => `coalesce(m.published_at, m.fetched_at) < ${p}`, query.to);
  params.push(query.limit + 1);
  const sql = `${SELECT_DTO} ${where.length ? `where ${where.join(' and ')}` : ''}
    order by m.id desc limit $${params.length}`;
  const { rows } = await q.query<DtoRow>(sql, params);
  const items = rows.slice(0, query.limit).map(toStoredMention);
  const nextCursor = rows.length > query.limit ? (items.at(-1)?.id ?? null) : null;
  return { items, nextCursor };
}

/**
 * Everything a reconnecting client may have missed, oldest first. Ids are taken when a row is
 * inserted but become visible when its batch commits, so a lower id can appear after a higher one
 * was already sent; rows inserted shortly before the last seen one are included again (the client
 * de-duplicates by id). Ingest transactions last well under the margin. The limit applies to the
 * rows after `afterId` alone, so a burst of re-sent margin rows never crowds out the missed ones.
 */
export async function listMentionsAfter(
  q: Queryable,
  afterId: number,
  limit = LIVE_BACKFILL_LIMIT,
): Promise<StoredMention[]> {
  const { rows } = await q.query<DtoRow>(
    `(${SELECT_DTO} where m.id > $1 and m.deleted_at is null order by m.id limit $2)
     union all
     (${SELECT_DTO}
      where m.id <= $1 and m.id > $1 - $3 and m.deleted_at is null and m.fetched_at >= (
        select fetched_at - interval '${REORDER_MARGIN_SECONDS} seconds' from mentions where id = $1)
      order by m.id desc limit $3)`,
    [afterId, limit, REORDER_MARGIN_ROWS],
  );
  return rows.map(toStoredMention).sort((x, y) => x.id - y.id);
}

/** How far back a late commit can hide: ingest batches in flight at once, with room to spare. */
const REORDER_MARGIN_SECONDS = 10;
const REORDER_MARGIN_ROWS = 2000;

export async function latestMentionId(q: Queryable): Promise<number | null> {
  const { rows } = await q.query<{ id: number | null }>('select max(id) as id from mentions');
  return rows[0]?.id ?? null;
}
