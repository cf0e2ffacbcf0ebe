import type { MentionScore, ScorerStatus } from '@barometer/core';
import type { Queryable } from '../client.ts';
import { scoreColumns } from './mentions.ts';

export interface MentionToRescore {
  id: number;
  title: string | null;
  text: string;
}

/** The next batch of mentions scored by another scorer version, in id order. */
export async function listMentionsToRescore(
  q: Queryable,
  scorerVersion: string,
  afterId: number,
  limit: number,
): Promise<MentionToRescore[]> {
  const { rows } = await q.query<MentionToRescore>(
    `select id, title, text from mentions
     where id > $2 and scorer_version <> $1 order by id limit $3`,
    [scorerVersion, afterId, limit],
  );
  return rows;
}

export async function hasMentionsToRescore(q: Queryable, scorerVersion: string): Promise<boolean> {
  const { rows } = await q.query<{ present: boolean }>(
    'select exists (select 1 from mentions where scorer_version <> $1) as present',
    [scorerVersion],
  );
  return rows[0]?.present === true;
}

/**
 * One statement per batch. A row already on this version is left alone: ingest may have edited
 * and re-scored it since the batch was read, and the score computed here is of the old text.
 */
export async function saveRescores(
  q: Queryable,
  scores: { id: number; score: MentionScore }[],
): Promise<number> {
  if (scores.length === 0) return 0;
  const payload = scores.map(({ id, score }) => ({ id, ...scoreColumns(score) }));
  const result = await q.query(
    `update mentions m set
       sentiment_score = x.sentiment_score, sentiment_label = x.sentiment_label,
       sentiment_confidence = x.sentiment_confidence, explanation = x.explanation,
       flags = x.flags, flag_evidence = x.flag_evidence,
       topics = coalesce(array(select jsonb_array_elements_text(x.topics)), '{}'),
       redacted_text = x.redacted_text, score_summary = x.score_summary,
       highlights = x.highlights, scorer_version = x.scorer_version, updated_at = now()
     from jsonb_to_recordset($1::jsonb) as x(
       id bigint, sentiment_score real, sentiment_label text, sentiment_confidence real,
       explanation jsonb, flags jsonb, flag_evidence jsonb, topics jsonb, redacted_text text,
       score_summary text, highlights jsonb, scorer_version text)
     where m.id = x.id and m.scorer_version is distinct from x.scorer_version`,
    [JSON.stringify(payload)],
  );
  return result.rowCount ?? 0;
}

export async function readScorerStatus(q: Queryable, scorerVersion: string): Promise<ScorerStatus> {
  const { rows } = await q.query<{ total: number; current: number }>(
    `select count(*)::int as total,
            count(*) filter (where scorer_version = $1)::int as current
     from mentions`,
    [scorerVersion],
  );
  return {
    version: scorerVersion,
    mentionsTotal: rows[0]?.total ?? 0,
    mentionsOnCurrentVersion: rows[0]?.current ?? 0,
  };
}
