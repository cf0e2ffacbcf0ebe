import {
  type IssueInput,
  type ReportInput,
  type ReportMention,
  type ReportSource,
  type SourceOutage,
  shiftWeek,
  TREND_WEEKS,
  type WeekTotals,
  weekOf,
  weekRange,
} from '@barometer/core';
import type { Queryable } from '../client.ts';

/** When a mention was said: its published date, else when it was fetched. */
export const SAID_AT = 'coalesce(m.published_at, m.fetched_at)';
/** The ISO week of a timestamp by London's calendar, as Postgres writes it (2026-W48). */
const LONDON_WEEK = (ts: string) =>
  `to_char(date_trunc('week', ${ts} at time zone 'Europe/London'), 'IYYY-"W"IW')`;
/** Tells two mentions by the same person on one kind of source apart, without their name. */
const AUTHOR_KEY = `case when nullif(btrim(m.author), '') is null then null
  else md5(s.kind || ':' || lower(btrim(m.author))) end`;

interface MentionRow {
  id: number;
  source_id: number;
  at: Date;
  label: ReportMention['label'];
  score: number;
  topics: string[];
  safeguarding: boolean;
  patient_safety: boolean;
  complaint: boolean;
  author_key: string | null;
  thread_key: string;
  is_root: boolean;
  content_key: string;
  story_id: number | null;
}

/** The report's view of the mentions said in [from, to): no text, no names. */
export async function reportMentionsBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<ReportMention[]> {
  const { rows } = await q.query<MentionRow>(
    `select m.id, m.source_id, ${SAID_AT} as at, m.sentiment_label as label,
       m.sentiment_score as score, m.topics,
       coalesce((m.flags ->> 'safeguarding')::boolean, false) as safeguarding,
       coalesce((m.flags ->> 'patientSafety')::boolean, false) as patient_safety,
       coalesce((m.flags ->> 'complaint')::boolean, false) as complaint,
       ${AUTHOR_KEY} as author_key,
       m.source_id || ':' || coalesce(m.root_external_id, m.external_id) as thread_key,
       coalesce(m.root_external_id, m.external_id) = m.external_id as is_root,
       md5(lower(btrim(m.redacted_text))) as content_key, ms.story_id
     from mentions m join sources s on s.id = m.source_id
       left join mention_stories ms on ms.mention_id = m.id
     where ${SAID_AT} >= $1 and ${SAID_AT} < $2
     order by m.id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    at: r.at.toISOString(),
    label: r.label,
    score: r.score,
    topics: r.topics,
    flags: {
      safeguarding: r.safeguarding,
      patientSafety: r.patient_safety,
      complaint: r.complaint,
    },
    authorKey: r.author_key,
    threadKey: r.thread_key,
    isThreadRoot: r.is_root,
    contentKey: r.content_key,
    storyKey: r.story_id === null ? null : String(r.story_id),
  }));
}

/** Weekly totals for the weeks in [from, to), straight from the mentions table. */
export async function weekTotalsBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<WeekTotals[]> {
  const { rows } = await q.query<
    Omit<WeekTotals, 'stories'> & { storied: number; stories: number }
  >(
    `select ${LONDON_WEEK(SAID_AT)} as week, count(*) as mentions,
       count(ms.mention_id) as storied,
       count(distinct coalesce('s' || ms.story_id, 'm' || m.id)) as stories,
       count(*) filter (where m.sentiment_label = 'positive') as positive,
       count(*) filter (where m.sentiment_label = 'neutral') as neutral,
       count(*) filter (where m.sentiment_label = 'negative') as negative,
       count(distinct ${AUTHOR_KEY}) as authors
     from mentions m join sources s on s.id = m.source_id
       left join mention_stories ms on ms.mention_id = m.id
     where ${SAID_AT} >= $1 and ${SAID_AT} < $2
     group by 1 order by 1`,
    [from, to],
  );
  return rows.map(({ storied, stories, ...r }) => ({
    ...r,
    stories: storied > 0 ? stories : null,
  }));
}

export async function reportSources(q: Queryable): Promise<ReportSource[]> {
  const { rows } = await q.query<{
    id: number;
    name: string;
    kind: ReportSource['kind'];
    created_at: Date;
  }>('select id, name, kind, created_at from sources order by id');
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Outages overlapping [from, to). */
export async function outagesBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<SourceOutage[]> {
  const { rows } = await q.query<{ source_id: number; started_at: Date; ended_at: Date | null }>(
    `select source_id, started_at, ended_at from source_outages
     where started_at < $2 and (ended_at is null or ended_at > $1) order by source_id, started_at`,
    [from, to],
  );
  return rows.map((r) => ({
    sourceId: r.source_id,
    from: r.started_at.toISOString(),
    to: r.ended_at?.toISOString() ?? null,
  }));
}

/**
 * Emerging issues open at some point in [from, to); null while detection has never run (no
 * hourly rollups yet), so the report says "not yet available" rather than "none".
 */
export async function issuesBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<IssueInput[] | null> {
  const ran = await q.query<{ ran: boolean }>(
    'select exists (select 1 from hourly_rollups) as ran',
  );
  if (!ran.rows[0]?.ran) return null;
  const { rows } = await q.query<{
    id: number;
    subject_kind: IssueInput['kind'];
    label: string;
    severity: IssueInput['severity'];
    explanation: string;
    opened_at: Date;
    closed_at: Date | null;
  }>(
    `select id, subject_kind, label, severity, explanation, opened_at, closed_at
     from emerging_issues where opened_at < $2 and (closed_at is null or closed_at >= $1)
     order by opened_at, id`,
    [from, to],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.subject_kind,
    label: r.label,
    severity: r.severity,
    explanation: r.explanation,
    openedAt: r.opened_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
  }));
}

async function taxonomyTopics(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ taxonomy: Record<string, string[]> }>(
    'select taxonomy from trust_profile where id = 1',
  );
  return Object.keys(rows[0]?.taxonomy ?? {});
}

async function firstWeek(q: Queryable): Promise<string | null> {
  const { rows } = await q.query<{ first: Date | null }>(
    'select min(created_at) as first from sources',
  );
  const first = rows[0]?.first;
  return first ? weekOf(first) : null;
}

/**
 * Everything the report of one week is built from. `pastTotals` (weeks already stored as
 * snapshots) replaces counting those weeks again from the mentions table.
 */
export async function loadReportInput(
  q: Queryable,
  week: string,
  now: Date,
  pastTotals: readonly WeekTotals[] = [],
): Promise<ReportInput> {
  const range = weekRange(week);
  const previous = weekRange(shiftWeek(week, -1));
  const windowFrom = weekRange(shiftWeek(week, -TREND_WEEKS)).from;
  const known = new Set(pastTotals.map((t) => t.week));
  const missing = Array.from({ length: TREND_WEEKS }, (_, i) =>
    shiftWeek(week, i - TREND_WEEKS),
  ).filter((w) => !known.has(w));
  const counted =
    missing.length === 0
      ? []
      : await weekTotalsBetween(q, weekRange(missing[0] as string).from, range.from);
  const [mentions, previousMentions, sources, outages, taxonomy, first, issues] = await Promise.all(
    [
      reportMentionsBetween(q, range.from, range.to),
      reportMentionsBetween(q, previous.from, previous.to),
      reportSources(q),
      outagesBetween(q, range.from, range.to),
      taxonomyTopics(q),
      firstWeek(q),
      issuesBetween(q, range.from, range.to),
    ],
  );
  return {
    week,
    now: now.toISOString(),
    mentions,
    previousMentions,
    totals: [
      ...pastTotals.filter((t) => t.week >= shiftWeek(week, -TREND_WEEKS) && t.week < week),
      ...counted.filter((t) => !known.has(t.week) && t.week >= weekOf(windowFrom)),
    ],
    sources,
    outages,
    taxonomyTopics: taxonomy,
    firstWeek: first,
    issues,
  };
}
