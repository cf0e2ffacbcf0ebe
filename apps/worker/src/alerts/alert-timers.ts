import { enqueue, enqueueMany, publishLive } from '@barometer/bus';
import { type AlertRow, toAlertDto } from '@barometer/db';
import { alertLiveMessage } from '@barometer/notify';
import type { WorkerDeps } from '../context.ts';

/** One id per alert and page: a timer set twice (a job, the reconciler) is one job. */
export function escalateJobId(alertId: number, page: number): string {
  return `alert-escalate-${alertId}-${page}`;
}

export function deliverJobId(deliveryId: number): string {
  return `alert-deliver-${deliveryId}`;
}

/**
 * Sets the ladder's next timer as a delayed job. A failed job is removed so its id never blocks
 * the reconciler from setting the timer again; Postgres says whether it is still due.
 */
export async function setLadderTimer(
  deps: Pick<WorkerDeps, 'queues'>,
  alertId: number,
  page: number,
  at: Date,
): Promise<void> {
  await enqueue(
    deps.queues,
    'alert.escalate',
    { alertId, page },
    {
      jobId: escalateJobId(alertId, page),
      delay: Math.max(0, at.getTime() - Date.now()),
      removeOnFail: true,
    },
  );
}

export async function queueDeliveries(
  deps: Pick<WorkerDeps, 'queues'>,
  deliveryIds: number[],
): Promise<void> {
  await enqueueMany(
    deps.queues,
    'alert.deliver',
    deliveryIds.map((deliveryId) => ({
      payload: { deliveryId },
      options: { jobId: deliverJobId(deliveryId), removeOnFail: true },
    })),
  );
}

/** The dashboard's copy, after the commit (a lost publish is made good by the page's refetch). */
export async function publishAlert(
  deps: Pick<WorkerDeps, 'redis' | 'config'>,
  type: 'alert.raised' | 'alert.updated',
  alert: AlertRow,
): Promise<void> {
  await publishLive(
    deps.redis,
    deps.config.REDIS_PREFIX,
    alertLiveMessage(type, toAlertDto(alert)),
  );
}
