import {
  type AlertDecision,
  type AlertDetail,
  type AlertDto,
  type AlertEventKind,
  type AlertListQuery,
  type AlertStatus,
  type EscalationPolicy,
  joinsAlert,
  nextPage,
} from '@barometer/core';
import type { Queryable } from '../client.ts';
import { recordAudit, SYSTEM_ACTOR } from './audit.ts';

/** An alert row as the jobs read it. */
export interface AlertRow {
  id: number;
  rule_key: string;
  severity: AlertDto['severity'];
  status: AlertStatus;
  group_key: string;
  title: string;
  why: string;
  excerpt: string | null;
  subject: AlertDto['subject'];
  channels: string[];
  policy: EscalationPolicy;
  count: number;
  raised_at: Date;
  last_signal_at: Date;
  notify_from: Date;
  pages_sent: number;
  next_page_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  resolved_at: Date | null;
  resolved_by: number | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
}

export function toAlertDto(r: AlertRow): AlertDto {
  return {
    id: r.id,
    ruleKey: r.rule_key,
    severity: r.severity,
    status: r.status,
    title: r.title,
    why: r.why,
    excerpt: r.excerpt,
    count: r.count,
    subject: r.subject,
    raisedAt: r.raised_at.toISOString(),
    lastSignalAt: r.last_signal_at.toISOString(),
    notifyFrom: r.notify_from.toISOString(),
    pagesSent: r.pages_sent,
    nextPageAt: r.next_page_at?.toISOString() ?? null,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: r.acknowledged_by_name
      ? { id: r.acknowledged_by, name: r.acknowledged_by_name }
      : null,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolvedBy: r.resolved_by_name ? { id: r.resolved_by, name: r.resolved_by_name } : null,
    resolutionNote: r.resolution_note,
  };
}

export async function getAlert(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<AlertRow | undefined> {
  const { rows } = await q.query<AlertRow>(
    `select * from alerts where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

/**
 * One line of the alert's timeline. What the system does (raised, sent, escalated, delivered,
 * failed) is audited here as the system; a person's action (`actor` set) is audited by the
 * caller's audited action, with who they are and the request.
 */
export async function appendAlertEvent(
  q: Queryable,
  alertId: number,
  kind: AlertEventKind,
  detail: string,
  actor: string | null = null,
): Promise<void> {
  await q.query(
    'insert into alert_events (alert_id, kind, detail, actor) values ($1, $2, $3, $4)',
    [alertId, kind, detail, actor],
  );
  if (actor === null) {
    await recordAudit(q, SYSTEM_ACTOR, {
      action: `alert.${kind}`,
      subjectType: 'alert',
      subjectId: alertId,
      after: { detail },
    });
  }
}

export type RaiseOutcome =
  | { kind: 'duplicate' }
  | { kind: 'raised'; alert: AlertRow }
  | { kind: 'grouped'; alert: AlertRow };

/**
 * Raises an alert for a decision, or counts it into the open alert of its group, in the caller's
 * transaction. A transaction-scoped advisory lock on (rule, group) serialises two workers seeing
 * the same storm, so a burst becomes one alert; the signal's natural key makes a re-run a no-op.
 */
export async function raiseOrGroupAlert(
  tx: Queryable,
  decision: AlertDecision,
  policy: EscalationPolicy,
  now: Date,
): Promise<RaiseOutcome> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `alert:${decision.ruleKey}:${decision.groupKey}`,
  ]);
  const seen = await tx.query(
    'select 1 from alert_signals where rule_key = $1 and signal_key = $2',
    [decision.ruleKey, decision.signalKey],
  );
  if (seen.rowCount) return { kind: 'duplicate' };
  const { rows: open } = await tx.query<AlertRow>(
    `select * from alerts where rule_key = $1 and group_key = $2 and status <> 'resolved'
     order by last_signal_at desc limit 1 for update`,
    [decision.ruleKey, decision.groupKey],
  );
  const existing = open[0];
  if (
    existing &&
    joinsAlert(
      { status: existing.status, lastSignalAt: existing.last_signal_at },
      now,
      decision.groupWindowMinutes,
    )
  ) {
    const { rows } = await tx.query<AlertRow>(
      'update alerts set count = count + 1, last_signal_at = $2 where id = $1 returning *',
      [existing.id, now],
    );
    const alert = rows[0]!;
    await recordSignal(tx, decision, alert.id, now);
    await appendAlertEvent(
      tx,
      alert.id,
      'grouped',
      `Another signal joined this alert (${alert.count} in all).`,
    );
    return { kind: 'grouped', alert };
  }
  const firstPage = nextPage(
    policy,
    { severity: decision.severity, status: 'open', startedAt: decision.notifyFrom },
    0,
  );
  const { rows } = await tx.query<AlertRow>(
    `insert into alerts (rule_key, severity, group_key, title, why, excerpt, subject, channels,
       policy, raised_at, last_signal_at, notify_from, next_page_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) returning *`,
    [
      decision.ruleKey,
      decision.severity,
      decision.groupKey,
      decision.title,
      decision.why,
      decision.excerpt,
      JSON.stringify(decision.subject),
      decision.channels,
      JSON.stringify(policy),
      now,
      decision.notifyFrom,
      firstPage?.at ?? null,
    ],
  );
  const alert = rows[0]!;
  await recordSignal(tx, decision, alert.id, now);
  await appendAlertEvent(tx, alert.id, 'raised', decision.why);
  if (decision.notifyFrom.getTime() > now.getTime()) {
    await appendAlertEvent(
      tx,
      alert.id,
      'held',
      `Outside the rule's hours: people are told from ${decision.notifyFrom.toISOString()}.`,
    );
  }
  return { kind: 'raised', alert };
}

async function recordSignal(tx: Queryable, d: AlertDecision, alertId: number, now: Date) {
  await tx.query(
    'insert into alert_signals (rule_key, signal_key, alert_id, at) values ($1, $2, $3, $4)',
    [d.ruleKey, d.signalKey, alertId, now],
  );
}

export async function getAlertDto(q: Queryable, id: number): Promise<AlertDto | undefined> {
  const row = await getAlert(q, id);
  return row ? toAlertDto(row) : undefined;
}

export async function getAlertDetail(q: Queryable, id: number): Promise<AlertDetail | undefined> {
  const alert = await getAlertDto(q, id);
  if (!alert) return undefined;
  const { rows } = await q.query<{
    id: number;
    at: Date;
    kind: AlertEventKind;
    detail: string;
    actor: string | null;
  }>('select id, at, kind, detail, actor from alert_events where alert_id = $1 order by id', [id]);
  return {
    ...alert,
    timeline: rows.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

const STATUS_FILTER: Record<AlertListQuery['status'], string> = {
  active: "status <> 'resolved'",
  open: "status = 'open'",
  acknowledged: "status = 'acknowledged'",
  resolved: "status = 'resolved'",
  all: 'true',
};

/** Newest first, by id, so a page boundary never moves while alerts arrive. */
export async function listAlerts(
  q: Queryable,
  query: AlertListQuery,
): Promise<{ items: AlertDto[]; nextCursor: number | null }> {
  const { rows } = await q.query<AlertRow>(
    `select * from alerts where ${STATUS_FILTER[query.status]} and ($1::bigint is null or id < $1)
     order by id desc limit $2`,
    [query.cursor ?? null, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(toAlertDto),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
