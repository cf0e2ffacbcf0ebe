import type { JobPayload } from '@barometer/core';
import { listAlertTimers, listUnsentDeliveries } from '@barometer/db';
import { queueDeliveries, setLadderTimer } from '../alerts/alert-timers.ts';
import type { JobContext, WorkerDeps } from '../context.ts';

/** An outbox row this old and still unsent has lost its job (or its worker). */
const UNSENT_AFTER_MS = 15_000;

/**
 * Rebuilds every ladder timer and every unsent delivery from Postgres. Job ids are
 * deterministic, so a timer or delivery still in Redis is left as it is; one Redis lost (a
 * restart without persistence, a flush) is rebuilt; Postgres decides whether anything is sent.
 */
export async function reconcileAlerts(
  _payload: JobPayload<'alerts.reconcile'>,
  ctx: JobContext,
  deps: Pick<WorkerDeps, 'database' | 'queues'>,
): Promise<void> {
  const timers = await listAlertTimers(deps.database.pool);
  for (const t of timers) await setLadderTimer(deps, t.id, t.page, t.at);
  const unsent = await listUnsentDeliveries(deps.database.pool, UNSENT_AFTER_MS);
  await queueDeliveries(deps, unsent);
  if (timers.length || unsent.length) {
    ctx.log.debug({ timers: timers.length, unsent: unsent.length }, 'alert timers reconciled');
  }
}
