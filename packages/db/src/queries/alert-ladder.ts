import type { AlertEventKind } from '@barometer/core';
import type { Queryable } from '../client.ts';
import type { DeliveryChannel, DeliveryStatus } from '../schema/alerts.ts';
import { type AlertRow, appendAlertEvent } from './alerts.ts';

/** One message of a page, ready for the outbox. */
export interface PlannedDelivery {
  channel: DeliveryChannel;
  target: string;
  userId: number | null;
  /** Who it is for, as the timeline says it ("Sam Patel (primary) by e-mail"). */
  label: string;
  idempotencyKey: string;
  /** A fresh nonce for this delivery's acknowledgement link (null: no personal link). */
  ackNonce: string | null;
  ackExpiresAt: Date;
}

export interface RecordedPage {
  /** Outbox rows this call created (none when the page was already recorded). */
  deliveryIds: number[];
}

/**
 * Records page `page` of an alert in the caller's transaction: its outbox rows (unique on their
 * key), their acknowledgement tokens, a timeline line, and the alert's next timer. The caller
 * holds the alert row locked and has checked that `pages_sent` is still `page`.
 */
export async function recordPage(
  tx: Queryable,
  alert: AlertRow,
  plan: { page: number; step: number; repeat: number },
  deliveries: PlannedDelivery[],
  nextPageAt: Date | null,
  event: { kind: AlertEventKind; detail: string },
): Promise<RecordedPage> {
  const deliveryIds: number[] = [];
  for (const d of deliveries) {
    const { rows } = await tx.query<{ id: number }>(
      `insert into alert_deliveries (alert_id, idempotency_key, page, step, repeat, channel, target,
         user_id, label)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (idempotency_key) do nothing returning id`,
      [
        alert.id,
        d.idempotencyKey,
        plan.page,
        plan.step,
        plan.repeat,
        d.channel,
        d.target,
        d.userId,
        d.label,
      ],
    );
    const id = rows[0]?.id;
    if (id === undefined) continue;
    deliveryIds.push(id);
    if (d.ackNonce) {
      await tx.query(
        'insert into alert_ack_tokens (nonce, alert_id, delivery_id, expires_at) values ($1, $2, $3, $4)',
        [d.ackNonce, alert.id, id, d.ackExpiresAt],
      );
    }
  }
  await tx.query('update alerts set pages_sent = $2, next_page_at = $3 where id = $1', [
    alert.id,
    plan.page + 1,
    nextPageAt,
  ]);
  await appendAlertEvent(tx, alert.id, event.kind, event.detail);
  return { deliveryIds };
}

/** Moves a page that is not due yet (or an alert whose ladder ended) without sending. */
export async function setNextPageAt(q: Queryable, alertId: number, at: Date | null): Promise<void> {
  await q.query('update alerts set next_page_at = $2 where id = $1', [alertId, at]);
}

/** Every running ladder's next timer, for the reconciler. */
export async function listAlertTimers(
  q: Queryable,
): Promise<{ id: number; page: number; at: Date }[]> {
  const { rows } = await q.query<{ id: number; page: number; at: Date }>(
    `select id, pages_sent as page, next_page_at as at from alerts
     where status = 'open' and next_page_at is not null order by next_page_at limit 5000`,
  );
  return rows;
}

export interface DeliveryRow {
  id: number;
  alert_id: number;
  idempotency_key: string;
  page: number;
  step: number;
  repeat: number;
  channel: DeliveryChannel;
  target: string;
  user_id: number | null;
  label: string;
  status: DeliveryStatus;
  attempts: number;
  ack_nonce: string | null;
  ack_expires_at: Date | null;
}

/**
 * Takes a delivery to send: pending, or `sending` by a worker that died more than `staleMs` ago.
 * Two workers running the same job: one gets the row, the other gets nothing.
 */
export async function claimDelivery(
  q: Queryable,
  id: number,
  staleMs: number,
): Promise<DeliveryRow | undefined> {
  const { rows } = await q.query<DeliveryRow>(
    `with claimed as (
       update alert_deliveries set status = 'sending', claimed_at = now(), attempts = attempts + 1
       where id = $1 and (status = 'pending'
         or (status = 'sending' and claimed_at < now() - make_interval(secs => $2::double precision / 1000)))
       returning *)
     select c.*, t.nonce as ack_nonce, t.expires_at as ack_expires_at
     from claimed c left join alert_ack_tokens t on t.delivery_id = c.id`,
    [id, staleMs],
  );
  return rows[0];
}

export async function markDeliverySent(
  q: Queryable,
  d: DeliveryRow,
  detail: string,
): Promise<void> {
  await q.query(
    "update alert_deliveries set status = 'sent', sent_at = now(), last_error = null where id = $1",
    [d.id],
  );
  await appendAlertEvent(q, d.alert_id, 'delivered', detail);
}

/** A failed try: back to pending for the job's retry, or failed for good. */
export async function markDeliveryFailed(
  q: Queryable,
  d: DeliveryRow,
  error: string,
  final: boolean,
): Promise<void> {
  await q.query('update alert_deliveries set status = $2, last_error = $3 where id = $1', [
    d.id,
    final ? 'failed' : 'pending',
    error,
  ]);
  const what = final ? 'gave up after' : 'will retry after';
  await appendAlertEvent(
    q,
    d.alert_id,
    'failed',
    `${d.label}: ${what} attempt ${d.attempts}: ${error}`,
  );
}

/** The alert was acknowledged or resolved before this message went: it is not sent. */
export async function cancelDelivery(q: Queryable, id: number): Promise<void> {
  await q.query("update alert_deliveries set status = 'cancelled' where id = $1", [id]);
}

/** Outbox rows not sent yet (a lost job, a Redis that lost its state), oldest first. */
export async function listUnsentDeliveries(q: Queryable, olderThanMs: number): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    `select id from alert_deliveries where status in ('pending', 'sending')
       and created_at < now() - make_interval(secs => $1::double precision / 1000)
     order by created_at limit 1000`,
    [olderThanMs],
  );
  return rows.map((r) => r.id);
}
