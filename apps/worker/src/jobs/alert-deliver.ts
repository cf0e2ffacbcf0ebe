import {
  composeAlertMessage,
  issueAckToken,
  type JobPayload,
  jobCatalog,
  webhookHttpPolicy,
} from '@barometer/core';
import {
  type AlertRow,
  cancelDelivery,
  claimDelivery,
  type DeliveryRow,
  getAlert,
  markDeliveryFailed,
  markDeliverySent,
} from '@barometer/db';
import {
  EmailNotConfiguredError,
  EmailRejectedError,
  sendWebhook,
  WebhookError,
} from '@barometer/notify';
import type { JobContext, WorkerDeps } from '../context.ts';

/** A claim older than this belongs to a worker that died mid-send; another may take it over. */
export const DELIVERY_CLAIM_STALE_MS = 60_000;
const MAX_ATTEMPTS = jobCatalog['alert.deliver'].attempts;

type Deps = Pick<WorkerDeps, 'database' | 'config' | 'mailer' | 'signAck'>;

function links(deps: Deps, alert: AlertRow, d: DeliveryRow) {
  const alertUrl = `${deps.config.PUBLIC_URL}/alerts/${alert.id}`;
  const ackUrl =
    d.ack_nonce && d.ack_expires_at
      ? `${deps.config.PUBLIC_URL}/api/ack/${issueAckToken(
          { alertId: alert.id, nonce: d.ack_nonce, expiresAt: d.ack_expires_at },
          deps.signAck,
        )}`
      : null;
  return { alertUrl, ackUrl };
}

async function send(deps: Deps, alert: AlertRow, d: DeliveryRow): Promise<string> {
  const { alertUrl, ackUrl } = links(deps, alert, d);
  const message = composeAlertMessage({
    alertId: alert.id,
    title: alert.title,
    why: alert.why,
    excerpt: alert.excerpt,
    severity: alert.severity,
    count: alert.count,
    raisedAt: alert.raised_at,
    alertUrl,
    ackUrl,
    step: d.step + 1,
    repeat: d.repeat,
  });
  if (d.channel === 'email') {
    const sent = await deps.mailer.send({
      to: d.target,
      ...message,
      idempotencyKey: d.idempotency_key,
    });
    return `E-mail to ${d.label} accepted by the mail server (${sent.messageId}).`;
  }
  await sendWebhook(
    {
      kind: d.channel,
      url: d.target,
      message,
      idempotencyKey: d.idempotency_key,
      alert: { id: alert.id, severity: alert.severity, status: alert.status, alertUrl, ackUrl },
    },
    { policy: webhookHttpPolicy(deps.config), signingSecret: deps.config.WEBHOOK_SIGNING_SECRET },
  );
  return `Message to ${d.label} accepted.`;
}

function isPermanent(error: unknown): boolean {
  if (error instanceof EmailRejectedError || error instanceof EmailNotConfiguredError) return true;
  if (error instanceof WebhookError) return !error.retryable;
  return false;
}

/**
 * Sends one outbox row. The claim makes a second run of the job a no-op; a failure goes back to
 * pending and the job retries with back-off, until the row has had its attempts.
 */
export async function deliverAlert(
  payload: JobPayload<'alert.deliver'>,
  ctx: JobContext,
  deps: Deps,
): Promise<void> {
  const pool = deps.database.pool;
  const delivery = await claimDelivery(pool, payload.deliveryId, DELIVERY_CLAIM_STALE_MS);
  if (!delivery) return; // sent, cancelled, or another worker is sending it now
  const alert = await getAlert(pool, delivery.alert_id);
  if (alert?.status !== 'open') {
    await cancelDelivery(pool, delivery.id);
    return;
  }
  const log = ctx.log.child({
    alertId: alert.id,
    deliveryId: delivery.id,
    channel: delivery.channel,
  });
  try {
    const detail = await send(deps, alert, delivery);
    await markDeliverySent(pool, delivery, detail);
    log.info('alert delivered');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const final = isPermanent(error) || delivery.attempts >= MAX_ATTEMPTS;
    await markDeliveryFailed(pool, delivery, reason, final);
    log.warn({ err: error, attempt: delivery.attempts, final }, 'alert delivery failed');
    if (!final) throw error;
  }
}
