import type { Severity, ThreadEscalationState, ThreadReply } from '@barometer/core';
import type { Queryable } from '../client.ts';

// Conversations for thread escalation: replies grouped by their root post, and each thread's
// stored level between ticks.

const MENTION_TIME = 'coalesce(m.published_at, m.fetched_at)';
const AUTHOR_KEY = `case when coalesce(m.author, '') <> '' then lower(m.author) else 's:' || m.source_id end`;

export interface ThreadKey {
  sourceId: number;
  rootId: string;
}

/** Replies since `since` of every thread that had one since `activeSince`, by thread. */
export async function listThreadReplies(
  q: Queryable,
  since: Date,
  activeSince: Date,
): Promise<{ key: ThreadKey; replies: ThreadReply[] }[]> {
  const { rows } = await q.query<{
    source_id: number;
    root: string;
    time: Date;
    author: string;
    negative: boolean;
    safety: boolean;
  }>(
    `select m.source_id, m.root_external_id as root, ${MENTION_TIME} as time, ${AUTHOR_KEY} as author,
            m.sentiment_label = 'negative' as negative,
            coalesce((m.flags ->> 'safeguarding')::boolean or (m.flags ->> 'patientSafety')::boolean, false) as safety
     from mentions m
     where m.root_external_id is not null and m.root_external_id <> m.external_id
       and ${MENTION_TIME} >= $1
       and (m.source_id, m.root_external_id) in (
         select source_id, root_external_id from mentions
         where root_external_id is not null and coalesce(published_at, fetched_at) >= $2)
     order by m.source_id, m.root_external_id, time`,
    [since, activeSince],
  );
  const byThread = new Map<string, { key: ThreadKey; replies: ThreadReply[] }>();
  for (const r of rows) {
    const id = `${r.source_id}|${r.root}`;
    let entry = byThread.get(id);
    if (!entry) {
      entry = { key: { sourceId: Number(r.source_id), rootId: r.root }, replies: [] };
      byThread.set(id, entry);
    }
    // Followers are not stored yet: reach counts new people, each as a small account.
    entry.replies.push({
      time: r.time.getTime(),
      author: r.author,
      negative: r.negative,
      followers: 0,
      safety: r.safety,
    });
  }
  return [...byThread.values()];
}

export interface StoredThreadEscalation {
  key: ThreadKey;
  level: Severity | null;
  state: ThreadEscalationState;
}

/** Threads that hold a level: they are assessed every tick until they calm down. */
export async function listEscalatedThreadStates(q: Queryable): Promise<StoredThreadEscalation[]> {
  const { rows } = await q.query<{
    source_id: number;
    root_external_id: string;
    level: Severity | null;
    state: ThreadEscalationState;
  }>(
    `select source_id, root_external_id, level, state from thread_escalations where level is not null`,
  );
  return rows.map(toStored);
}

export async function getThreadStates(
  q: Queryable,
  keys: readonly ThreadKey[],
): Promise<StoredThreadEscalation[]> {
  if (keys.length === 0) return [];
  const { rows } = await q.query<{
    source_id: number;
    root_external_id: string;
    level: Severity | null;
    state: ThreadEscalationState;
  }>(
    `select t.source_id, t.root_external_id, t.level, t.state from thread_escalations t
     join unnest($1::bigint[], $2::text[]) as k(source_id, root) on k.source_id = t.source_id and k.root = t.root_external_id`,
    [keys.map((k) => k.sourceId), keys.map((k) => k.rootId)],
  );
  return rows.map(toStored);
}

function toStored(r: {
  source_id: number;
  root_external_id: string;
  level: Severity | null;
  state: ThreadEscalationState;
}): StoredThreadEscalation {
  return {
    key: { sourceId: Number(r.source_id), rootId: r.root_external_id },
    level: r.level,
    state: r.state,
  };
}

export async function saveThreadEscalation(
  q: Queryable,
  row: {
    key: ThreadKey;
    state: ThreadEscalationState;
    score: number;
    explanation: string;
    escalated: boolean;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into thread_escalations
       (source_id, root_external_id, level, score, explanation, state, assessed_at, escalated_at)
     values ($1, $2, $3, $4, $5, $6, $7::timestamptz, case when $8::boolean then $7::timestamptz end)
     on conflict (source_id, root_external_id) do update set
       level = excluded.level, score = excluded.score, explanation = excluded.explanation,
       state = excluded.state, assessed_at = excluded.assessed_at,
       escalated_at = case when $8::boolean then excluded.assessed_at
                           when excluded.level is null then null
                           else thread_escalations.escalated_at end`,
    [
      row.key.sourceId,
      row.key.rootId,
      row.state.level,
      row.score,
      row.explanation,
      JSON.stringify(row.state),
      row.at,
      row.escalated,
    ],
  );
}

export interface ThreadEscalationRow {
  sourceId: number;
  sourceName: string;
  rootId: string;
  title: string;
  level: Severity;
  score: number;
  explanation: string;
  escalatedAt: Date | null;
  assessedAt: Date;
}

/** Threads holding a level, hottest first, titled by the root post (or the first reply). */
export async function listEscalatedThreads(q: Queryable): Promise<ThreadEscalationRow[]> {
  const { rows } = await q.query<{
    source_id: number;
    source_name: string;
    root_external_id: string;
    title: string | null;
    level: Severity;
    score: number;
    explanation: string;
    escalated_at: Date | null;
    assessed_at: Date;
  }>(
    `select t.source_id, s.name as source_name, t.root_external_id, t.level, t.score, t.explanation,
            t.escalated_at, t.assessed_at,
            coalesce(
              (select r.redacted_text from mentions r
               where r.source_id = t.source_id and r.external_id = t.root_external_id limit 1),
              (select r.redacted_text from mentions r
               where r.source_id = t.source_id and r.root_external_id = t.root_external_id
               order by coalesce(r.published_at, r.fetched_at), r.id limit 1)) as title
     from thread_escalations t join sources s on s.id = t.source_id
     where t.level is not null
     order by case t.level when 'page' then 0 when 'alert' then 1 else 2 end, t.score desc`,
  );
  return rows.map((r) => ({
    sourceId: Number(r.source_id),
    sourceName: r.source_name,
    rootId: r.root_external_id,
    title: openingWords(r.title ?? 'A conversation'),
    level: r.level,
    score: r.score,
    explanation: r.explanation,
    escalatedAt: r.escalated_at,
    assessedAt: r.assessed_at,
  }));
}

function openingWords(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
