import { type AlertSignal, evaluateSignal, type JobPayload } from '@barometer/core';
import {
  loadAlertRules,
  loadEscalationPolicy,
  mentionSignals,
  openIssueSignals,
  quietSources,
  raiseOrGroupAlert,
  uncountedFlaggedMentions,
  withTransaction,
} from '@barometer/db';
import { publishAlert, setLadderTimer } from '../alerts/alert-timers.ts';
import type { JobContext, WorkerDeps } from '../context.ts';

/** How far back the minute sweep looks for flagged mentions no rule has counted. */
const SWEEP_MINUTES = 15;

async function signalsFor(
  payload: JobPayload<'alerts.evaluate'>,
  deps: Pick<WorkerDeps, 'database'>,
  sourceDownHours: number | null,
): Promise<AlertSignal[]> {
  const pool = deps.database.pool;
  const signals: AlertSignal[] = [];
  if (payload.mentionIds) signals.push(...(await mentionSignals(pool, payload.mentionIds)));
  if (payload.thread) signals.push({ kind: 'thread', ...payload.thread });
  if (payload.issue) signals.push({ kind: 'issue', ...payload.issue });
  const sweep = !payload.mentionIds && !payload.thread && !payload.issue;
  if (sweep) {
    signals.push(
      ...(await mentionSignals(pool, await uncountedFlaggedMentions(pool, SWEEP_MINUTES))),
    );
    if (sourceDownHours !== null) signals.push(...(await quietSources(pool, sourceDownHours)));
    signals.push(...(await openIssueSignals(pool)));
  }
  return signals;
}

/**
 * Runs the rule table over the signals: each decision raises an alert or joins its group, in its
 * own transaction; then the dashboard hears of it and a new alert's ladder timer is set.
 */
export async function evaluateAlerts(
  payload: JobPayload<'alerts.evaluate'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'redis' | 'config'>,
): Promise<void> {
  const now = new Date();
  const rules = await loadAlertRules(deps.database.pool);
  const downHours = rules
    .filter((r) => r.enabled && r.trigger === 'source-down' && r.afterHours !== null)
    .map((r) => r.afterHours!);
  const signals = await signalsFor(payload, deps, downHours.length ? Math.min(...downHours) : null);
  if (signals.length === 0) return;
  const policy = await loadEscalationPolicy(deps.database.pool);
  for (const signal of signals) {
    for (const decision of evaluateSignal(signal, rules, now)) {
      const outcome = await withTransaction(deps.database.pool, (tx) =>
        raiseOrGroupAlert(tx, decision, policy, now),
      );
      if (outcome.kind === 'duplicate') continue;
      const { alert } = outcome;
      ctx.log.info(
        { alertId: alert.id, rule: alert.rule_key, count: alert.count, outcome: outcome.kind },
        outcome.kind === 'raised' ? 'alert raised' : 'signal grouped into an alert',
      );
      if (outcome.kind === 'raised' && alert.next_page_at) {
        await setLadderTimer(deps, alert.id, alert.pages_sent, alert.next_page_at);
      }
      await publishAlert(deps, outcome.kind === 'raised' ? 'alert.raised' : 'alert.updated', alert);
    }
  }
}
