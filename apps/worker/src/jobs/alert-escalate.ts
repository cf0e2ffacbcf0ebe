import { type JobPayload, nextPage, onCallAt, type PagePlan } from '@barometer/core';
import {
  type AlertRow,
  getAlert,
  loadRota,
  recordPage,
  setNextPageAt,
  withTransaction,
} from '@barometer/db';
import { publishAlert, queueDeliveries, setLadderTimer } from '../alerts/alert-timers.ts';
import { pageDeliveries } from '../alerts/page-deliveries.ts';
import type { JobContext, WorkerDeps } from '../context.ts';

/** A timer may fire a little early (clock skew between Redis and us); earlier than this waits. */
const EARLY_TOLERANCE_MS = 1000;

type Outcome =
  | { kind: 'nothing' }
  | { kind: 'not-yet'; at: Date }
  | { kind: 'paged'; alert: AlertRow; deliveryIds: number[]; next: PagePlan | null };

function describe(
  plan: PagePlan,
  waited: number | null,
  told: string[],
  skipped: string[],
): string {
  const who = told.length ? `telling ${told.join('; ')}` : 'nobody could be told';
  const gaps = skipped.length ? ` (${skipped.join('; ')})` : '';
  const step = `step ${plan.step + 1}`;
  if (plan.page === 0) return `Ladder ${step}: ${who}${gaps}.`;
  const after = waited === null ? '' : ` after ${Math.round(waited / 60)} min`;
  if (plan.repeat > 0)
    return `Not acknowledged${after}: reminding ${step} (reminder ${plan.repeat}), ${who}${gaps}.`;
  return `Not acknowledged${after}: escalated to ${step}, ${who}${gaps}.`;
}

/**
 * Sends page `payload.page` if Postgres says it is the one due: the alert row is locked, so two
 * runs of this job (BullMQ's at-least-once, the reconciler) record the page once. Then sets the
 * next timer. An acknowledged or resolved alert ends here, quietly.
 */
export async function escalateAlert(
  payload: JobPayload<'alert.escalate'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues' | 'redis' | 'config'>,
): Promise<void> {
  const now = new Date();
  const outcome = await withTransaction(deps.database.pool, async (tx): Promise<Outcome> => {
    const alert = await getAlert(tx, payload.alertId, true);
    if (!alert || alert.pages_sent !== payload.page) return { kind: 'nothing' };
    const state = { severity: alert.severity, status: alert.status, startedAt: alert.notify_from };
    const plan = nextPage(alert.policy, state, payload.page);
    if (!plan) {
      if (alert.next_page_at) await setNextPageAt(tx, alert.id, null);
      return { kind: 'nothing' };
    }
    if (plan.at.getTime() > now.getTime() + EARLY_TOLERANCE_MS)
      return { kind: 'not-yet', at: plan.at };
    const onCall = onCallAt(await loadRota(tx), now);
    const ackExpiresAt = new Date(now.getTime() + deps.config.ACK_LINK_TTL_HOURS * 3_600_000);
    const page = await pageDeliveries(tx, alert, plan, onCall, ackExpiresAt);
    let next = nextPage(alert.policy, state, payload.page + 1);
    // Nobody could be told at this step: climb at once rather than wait out its timer.
    const last = alert.policy.steps.length - 1;
    if (next && page.deliveries.length === 0 && plan.step < last) next = { ...next, at: now };
    const previous = payload.page > 0 ? alert.policy.steps[Math.min(payload.page - 1, last)] : null;
    const detail = describe(
      plan,
      previous ? previous.escalateAfterSeconds : null,
      page.deliveries.map((d) => `${d.label} by ${d.channel === 'email' ? 'e-mail' : d.channel}`),
      page.skipped,
    );
    const kind =
      page.deliveries.length === 0
        ? 'no-one-on-call'
        : plan.page === 0
          ? 'sent'
          : plan.repeat > 0
            ? 'renotified'
            : 'escalated';
    const recorded = await recordPage(tx, alert, plan, page.deliveries, next?.at ?? null, {
      kind,
      detail,
    });
    const updated = (await getAlert(tx, alert.id))!;
    return { kind: 'paged', alert: updated, deliveryIds: recorded.deliveryIds, next };
  });
  if (outcome.kind === 'nothing') return;
  if (outcome.kind === 'not-yet') {
    // This job is the timer; the reconciler sets it again at the right time.
    ctx.log.debug({ alertId: payload.alertId, at: outcome.at }, 'ladder page not due yet');
    return;
  }
  ctx.log.info(
    { alertId: payload.alertId, page: payload.page, deliveries: outcome.deliveryIds.length },
    'alert ladder page recorded',
  );
  await queueDeliveries(deps, outcome.deliveryIds);
  if (outcome.next) await setLadderTimer(deps, payload.alertId, payload.page + 1, outcome.next.at);
  await publishAlert(deps, 'alert.updated', outcome.alert);
}
