import {
  type AlertRule,
  AlertRule as AlertRuleSchema,
  DEFAULT_ALERT_RULES,
  DEFAULT_ESCALATION_POLICY,
  type EscalationPolicy,
  EscalationPolicy as EscalationPolicySchema,
  type Rota,
  type RotaPerson,
} from '@barometer/core';
import type { Queryable } from '../client.ts';

/** The rule table as stored, or core's defaults when an admin never edited it. */
export async function loadAlertRules(q: Queryable): Promise<AlertRule[]> {
  const { rows } = await q.query<{ definition: unknown }>(
    'select definition from alert_rules order by position',
  );
  if (rows.length === 0) return [...DEFAULT_ALERT_RULES];
  // A row that no longer reads as a rule is a bug to see, not a rule to skip silently.
  return rows.map((r) => AlertRuleSchema.parse(r.definition));
}

export async function replaceAlertRules(tx: Queryable, rules: AlertRule[]): Promise<void> {
  await tx.query('delete from alert_rules');
  for (const [position, rule] of rules.entries()) {
    await tx.query('insert into alert_rules (key, position, definition) values ($1, $2, $3)', [
      rule.key,
      position,
      JSON.stringify(rule),
    ]);
  }
}

export async function loadEscalationPolicy(q: Queryable): Promise<EscalationPolicy> {
  const { rows } = await q.query<{ notify: string[]; escalate_after_seconds: number }>(
    'select notify, escalate_after_seconds from escalation_steps order by position',
  );
  if (rows.length === 0) return DEFAULT_ESCALATION_POLICY;
  return EscalationPolicySchema.parse({
    steps: rows.map((r) => ({ notify: r.notify, escalateAfterSeconds: r.escalate_after_seconds })),
  });
}

export async function replaceEscalationPolicy(
  tx: Queryable,
  policy: EscalationPolicy,
): Promise<void> {
  await tx.query('delete from escalation_steps');
  for (const [position, step] of policy.steps.entries()) {
    await tx.query(
      'insert into escalation_steps (position, notify, escalate_after_seconds) values ($1, $2, $3)',
      [position, step.notify, step.escalateAfterSeconds],
    );
  }
}

export async function loadRota(q: Queryable): Promise<Rota> {
  const rotations = await q.query<{
    role: Rota['rotations'][number]['role'];
    members: number[];
    handover_weekday: number;
    handover_time: string;
    starts_on: string;
    period_weeks: number;
  }>('select * from oncall_rotations order by role');
  const overrides = await q.query<{
    role: Rota['overrides'][number]['role'];
    user_id: number;
    starts_at: Date;
    ends_at: Date;
  }>(
    "select role, user_id, starts_at, ends_at from oncall_overrides where ends_at > now() - interval '30 days' order by id",
  );
  return {
    rotations: rotations.rows.map((r) => ({
      role: r.role,
      // int8[] comes back as strings (only int8 itself has a number parser).
      members: r.members.map(Number),
      handoverWeekday: r.handover_weekday,
      handoverTime: r.handover_time,
      startsOn: r.starts_on,
      periodWeeks: r.period_weeks,
    })),
    overrides: overrides.rows.map((o) => ({
      role: o.role,
      userId: o.user_id,
      from: o.starts_at.toISOString(),
      to: o.ends_at.toISOString(),
    })),
  };
}

/** Replaces the rotations and the overrides that have not ended yet. */
export async function replaceRota(tx: Queryable, rota: Rota): Promise<void> {
  await tx.query('delete from oncall_rotations');
  for (const r of rota.rotations) {
    await tx.query(
      `insert into oncall_rotations (role, members, handover_weekday, handover_time, starts_on, period_weeks)
       values ($1, $2, $3, $4, $5, $6)`,
      [r.role, r.members, r.handoverWeekday, r.handoverTime, r.startsOn, r.periodWeeks],
    );
  }
  await tx.query('delete from oncall_overrides where ends_at > now()');
  for (const o of rota.overrides) {
    if (Date.parse(o.to) <= Date.now()) continue;
    await tx.query(
      'insert into oncall_overrides (role, user_id, starts_at, ends_at) values ($1, $2, $3, $4)',
      [o.role, o.userId, o.from, o.to],
    );
  }
}

/** People who can be on the rota, and whom a page reaches by e-mail. */
export async function listRotaPeople(q: Queryable, ids?: number[]): Promise<RotaPerson[]> {
  const { rows } = await q.query<RotaPerson>(
    `select id, display_name as name, email from users
     where disabled_at is null and ($1::bigint[] is null or id = any($1::bigint[]))
     order by display_name, id`,
    [ids ?? null],
  );
  return rows;
}
