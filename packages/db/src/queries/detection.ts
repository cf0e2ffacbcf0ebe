import type { EmergingIssue, HourlyRollup, SubjectKind } from '@barometer/core';
import { HOUR_MS } from '@barometer/core';
import type { Queryable } from '../client.ts';

// The detector's storage: hourly rollups rebuilt from mentions, and emerging issues. Written in
// SQL because the rollup is one aggregate over unnest(topics) that drizzle cannot express.

/** When a mention happened: its published time, or when we fetched it if the feed gave none. */
const MENTION_TIME = 'coalesce(m.published_at, m.fetched_at)';
/** One voice: the author, or the feed itself when it names none (as core's authorKey). */
const AUTHOR_KEY = `case when coalesce(m.author, '') <> '' then 'a:' || lower(m.author) else 's:' || m.source_id end`;

/**
 * Recomputes the topic rollups of the hours in [from, to) from the mentions: safe to run twice,
 * and late or re-scored mentions are counted on the next run. Run it inside a transaction.
 */
export async function refreshTopicRollups(q: Queryable, from: Date, to: Date): Promise<number> {
  await q.query(
    `delete from hourly_rollups where subject_kind = 'topic' and hour >= $1 and hour < $2`,
    [from, to],
  );
  const result = await q.query(
    `insert into hourly_rollups (subject_kind, subject_key, hour, authors, mentions, negative, safety)
     select 'topic', t.topic, date_trunc('hour', ${MENTION_TIME}) as hour,
            count(distinct ${AUTHOR_KEY}),
            count(distinct (m.source_id, ${AUTHOR_KEY}, m.content_hash)),
            count(distinct ${AUTHOR_KEY}) filter (where m.sentiment_label = 'negative'),
            count(*) filter (where (m.flags ->> 'safeguarding')::boolean
                                or (m.flags ->> 'patientSafety')::boolean)
     from mentions m cross join lateral unnest(m.topics) as t(topic)
     where ${MENTION_TIME} >= $1 and ${MENTION_TIME} < $2
     group by t.topic, date_trunc('hour', ${MENTION_TIME})`,
    [from, to],
  );
  return result.rowCount ?? 0;
}

export async function listRollups(
  q: Queryable,
  kind: SubjectKind,
  since: Date,
): Promise<HourlyRollup[]> {
  const { rows } = await q.query<{
    subject_key: string;
    hour: Date;
    authors: number;
    mentions: number;
    negative: number;
    safety: number;
  }>(
    `select subject_key, hour, authors, mentions, negative, safety from hourly_rollups
     where subject_kind = $1 and hour >= $2 order by subject_key, hour`,
    [kind, since],
  );
  return rows.map((r) => ({
    subject: { kind, key: r.subject_key },
    hour: Math.floor(r.hour.getTime() / HOUR_MS),
    authors: r.authors,
    mentions: r.mentions,
    negative: r.negative,
    safety: r.safety,
  }));
}

/** The newest hour with a rollup of this kind, or null before the first. */
export async function lastRollupHour(q: Queryable, kind: SubjectKind): Promise<number | null> {
  const { rows } = await q.query<{ hour: Date | null }>(
    'select max(hour) as hour from hourly_rollups where subject_kind = $1',
    [kind],
  );
  const hour = rows[0]?.hour;
  return hour ? Math.floor(hour.getTime() / HOUR_MS) : null;
}

/** The first mention's time: the stream's start, from which the warm-up is counted. */
export async function firstMentionTime(q: Queryable): Promise<Date | null> {
  const { rows } = await q.query<{ first: Date | null }>(
    `select min(${MENTION_TIME}) as first from mentions m`,
  );
  return rows[0]?.first ?? null;
}

export type IssueTriage = 'acknowledged' | 'known' | 'dismissed';

export interface StoredIssue {
  id: number;
  label: string;
  explanation: string;
  state: EmergingIssue;
  triage: IssueTriage | null;
  knownUntil: Date | null;
}

/** Every open issue (the detector steps them all, whatever officers said about them). */
export async function listOpenIssues(q: Queryable): Promise<StoredIssue[]> {
  const { rows } = await q.query<StoredIssue>(
    `select id, label, explanation, state, triage, known_until as "knownUntil"
     from emerging_issues where status = 'open' order by id`,
  );
  return rows;
}

/** Whether officers still need to see an open issue: not dismissed, not known for now. */
export function needsOfficers(
  issue: Pick<StoredIssue, 'triage' | 'knownUntil'>,
  now: Date,
): boolean {
  if (issue.triage === 'dismissed') return false;
  if (issue.triage === 'known') return issue.knownUntil === null || issue.knownUntil <= now;
  return true;
}

/** Records what an officer said about an open issue; undefined when there is no such open issue. */
export async function triageIssue(
  q: Queryable,
  id: number,
  change: { triage: IssueTriage; knownUntil: Date | null; at: Date },
): Promise<{ before: IssueTriage | null; label: string } | undefined> {
  const { rows } = await q.query<{ before: IssueTriage | null; label: string }>(
    `update emerging_issues e set triage = $2, known_until = $3, triaged_at = $4
     from (select id, triage from emerging_issues where id = $1 and status = 'open' for update) old
     where e.id = old.id returning old.triage as before, e.label`,
    [id, change.triage, change.knownUntil, change.at],
  );
  return rows[0];
}

/** Stores an issue after a tick: a new row when it opened, else the row with this id. */
export async function saveIssue(
  q: Queryable,
  issue: EmergingIssue,
  fields: { id: number | null; label: string; explanation: string },
): Promise<number> {
  const values = [
    issue.status,
    issue.severity,
    fields.explanation,
    new Date(issue.updatedAt),
    issue.closedAt === null ? null : new Date(issue.closedAt),
    JSON.stringify(issue),
    fields.label,
  ];
  if (fields.id !== null) {
    await q.query(
      `update emerging_issues set status = $1, severity = $2, explanation = $3, updated_at = $4,
         closed_at = $5, state = $6, label = $7 where id = $8`,
      [...values, fields.id],
    );
    return fields.id;
  }
  const { rows } = await q.query<{ id: number }>(
    `insert into emerging_issues
       (status, severity, explanation, updated_at, closed_at, state, label, subject_kind, subject_key, opened_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [...values, issue.subject.kind, issue.subject.key, new Date(issue.openedAt)],
  );
  return rows[0]!.id;
}

export interface IssueMention {
  id: number;
  sourceName: string;
  author: string | null;
  redactedText: string;
  publishedAt: string | null;
  sentimentLabel: string;
}

/** The most recent mentions behind a topic issue, inside its latest signal's window. */
export async function listIssueMentions(
  q: Queryable,
  issue: EmergingIssue,
  limit = 5,
): Promise<IssueMention[]> {
  if (issue.subject.kind !== 'topic') return [];
  const end = new Date((issue.latest.hour + 1) * HOUR_MS);
  const start = new Date((issue.latest.hour + 1 - issue.latest.windowHours) * HOUR_MS);
  const { rows } = await q.query<{
    id: number;
    source_name: string;
    author: string | null;
    redacted_text: string;
    published_at: Date | null;
    sentiment_label: string;
  }>(
    `select m.id, s.name as source_name, m.author, m.redacted_text, m.published_at, m.sentiment_label
     from mentions m join sources s on s.id = m.source_id
     where $1 = any(m.topics) and ${MENTION_TIME} >= $2 and ${MENTION_TIME} < $3
     order by (m.sentiment_label = 'negative') desc, ${MENTION_TIME} desc, m.id desc limit $4`,
    [issue.subject.key, start, end, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceName: r.source_name,
    author: r.author,
    redactedText: r.redacted_text,
    publishedAt: r.published_at?.toISOString() ?? null,
    sentimentLabel: r.sentiment_label,
  }));
}

export interface StoryCandidate {
  id: number;
  sourceId: number;
  author: string | null;
  text: string;
  time: Date;
  storyId: number | null;
}

/** Mentions since `since`, oldest first, with their story when one was assigned already. */
export async function listStoryCandidates(q: Queryable, since: Date): Promise<StoryCandidate[]> {
  const { rows } = await q.query<{
    id: number;
    source_id: number;
    author: string | null;
    text: string;
    time: Date;
    story_id: number | null;
  }>(
    `select m.id, m.source_id, m.author, coalesce(m.title || '. ', '') || m.text as text,
            ${MENTION_TIME} as time, s.story_id
     from mentions m left join mention_stories s on s.mention_id = m.id
     where ${MENTION_TIME} >= $1 order by ${MENTION_TIME}, m.id`,
    [since],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    author: r.author,
    text: r.text,
    time: r.time,
    storyId: r.story_id,
  }));
}

/** Records stories; a mention keeps the story it was first given (safe to run twice). */
export async function saveStories(
  q: Queryable,
  assignments: readonly { mentionId: number; storyId: number }[],
): Promise<void> {
  if (assignments.length === 0) return;
  await q.query(
    `insert into mention_stories (mention_id, story_id)
     select * from unnest($1::bigint[], $2::bigint[]) on conflict (mention_id) do nothing`,
    [assignments.map((a) => a.mentionId), assignments.map((a) => a.storyId)],
  );
}
