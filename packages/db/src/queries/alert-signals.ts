import type { AlertSignal } from '@barometer/core';
import type { Queryable } from '../client.ts';

/** Flagged mentions as signals: the redacted copy only, and the thread they belong to. */
export async function mentionSignals(q: Queryable, ids: number[]): Promise<AlertSignal[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<{
    id: number;
    source_id: number;
    source_name: string;
    thread_root: string;
    safeguarding: boolean;
    patient_safety: boolean;
    redacted_text: string;
  }>(
    `select m.id, m.source_id, s.name as source_name,
       coalesce(m.root_external_id, m.external_id) as thread_root,
       coalesce((m.flags ->> 'safeguarding')::boolean, false) as safeguarding,
       coalesce((m.flags ->> 'patientSafety')::boolean, false) as patient_safety,
       m.redacted_text
     from mentions m join sources s on s.id = m.source_id
     where m.id = any($1::bigint[]) order by m.id`,
    [ids],
  );
  return rows.map((r) => ({
    kind: 'mention',
    mentionId: r.id,
    sourceName: r.source_name,
    threadKey: `${r.source_id}:${r.thread_root}`,
    flags: { safeguarding: r.safeguarding, patientSafety: r.patient_safety },
    redactedText: r.redacted_text,
  }));
}

/**
 * Flagged mentions of the last `minutes` that no rule has counted yet: the minute sweep's catch
 * for an evaluate job that was lost between ingest and Redis.
 */
export async function uncountedFlaggedMentions(q: Queryable, minutes: number): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    `select m.id from mentions m
     where m.fetched_at > now() - make_interval(mins => $1)
       and (coalesce((m.flags ->> 'safeguarding')::boolean, false)
         or coalesce((m.flags ->> 'patientSafety')::boolean, false))
       and not exists (select 1 from alert_signals a where a.signal_key = 'mention:' || m.id)
     order by m.id limit 500`,
    [minutes],
  );
  return rows.map((r) => r.id);
}

/** Enabled sources with no successful poll for at least `hours`, as signals. */
export async function quietSources(q: Queryable, hours: number): Promise<AlertSignal[]> {
  const { rows } = await q.query<{
    id: number;
    name: string;
    quiet_since: Date;
    last_error: string | null;
  }>(
    `select id, name, coalesce(last_success_at, created_at) as quiet_since, last_error
     from sources
     where enabled and coalesce(last_success_at, created_at) < now() - make_interval(secs => $1::double precision * 3600)
     order by id`,
    [hours],
  );
  return rows.map((r) => ({
    kind: 'source',
    sourceId: r.id,
    sourceName: r.name,
    quietSince: r.quiet_since,
    lastError: r.last_error,
  }));
}

/**
 * Open emerging issues at alert or page level, as signals: the minute sweep turns detection's
 * issues into alerts (each issue and level is counted once, so this runs every minute safely).
 */
export async function openIssueSignals(q: Queryable): Promise<AlertSignal[]> {
  const { rows } = await q.query<{
    id: number;
    label: string;
    severity: 'alert' | 'page';
    explanation: string;
  }>(
    `select id, label, severity, explanation from emerging_issues
     where status = 'open' and severity in ('alert', 'page') order by id limit 500`,
  );
  return rows.map((r) => ({
    kind: 'issue',
    issueId: r.id,
    level: r.severity,
    title: r.label,
    explanation: r.explanation,
  }));
}
