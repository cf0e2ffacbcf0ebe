import type { Queryable } from '../client.ts';
import { type AlertRow, appendAlertEvent } from './alerts.ts';

/** Who acknowledged or resolved: a signed-in person, or the holder of an e-mailed link. */
export interface AlertActor {
  userId: number | null;
  name: string;
}

export type AckVia = 'dashboard' | 'link';

/**
 * Acknowledges an open alert in the caller's transaction and stops its ladder (the next timer
 * finds it acknowledged and sends nothing). Undefined when it was not open.
 */
export async function acknowledgeAlert(
  tx: Queryable,
  alertId: number,
  actor: AlertActor,
  via: AckVia,
): Promise<AlertRow | undefined> {
  const { rows } = await tx.query<AlertRow>(
    `update alerts set status = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2,
       acknowledged_by_name = $3, next_page_at = null
     where id = $1 and status = 'open' returning *`,
    [alertId, actor.userId, actor.name],
  );
  const alert = rows[0];
  if (!alert) return undefined;
  const how = via === 'link' ? 'with the link in their message' : 'in the dashboard';
  await appendAlertEvent(
    tx,
    alertId,
    'acknowledged',
    `Acknowledged by ${actor.name} ${how}.`,
    actor.name,
  );
  return alert;
}

/** Resolves an alert that is not resolved yet, with the note saying what was done. */
export async function resolveAlert(
  tx: Queryable,
  alertId: number,
  actor: AlertActor,
  note: string,
): Promise<AlertRow | undefined> {
  const { rows } = await tx.query<AlertRow>(
    `update alerts set status = 'resolved', resolved_at = now(), resolved_by = $2,
       resolved_by_name = $3, resolution_note = $4, next_page_at = null,
       acknowledged_at = coalesce(acknowledged_at, now()),
       acknowledged_by = coalesce(acknowledged_by, $2),
       acknowledged_by_name = coalesce(acknowledged_by_name, $3)
     where id = $1 and status <> 'resolved' returning *`,
    [alertId, actor.userId, actor.name, note],
  );
  const alert = rows[0];
  if (!alert) return undefined;
  await appendAlertEvent(tx, alertId, 'resolved', `Resolved by ${actor.name}: ${note}`, actor.name);
  return alert;
}

export type TokenUse =
  | {
      kind: 'used-now';
      actor: AlertActor /** For the audit log: their e-mail, or where it went. */;
      auditLabel: string;
    }
  | { kind: 'already-used' }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/**
 * Spends a link's token in the caller's transaction: true once, never again. The actor is the
 * person the message was for (their user, or the address it went to).
 */
export async function spendAckToken(
  tx: Queryable,
  alertId: number,
  nonce: string,
): Promise<TokenUse> {
  const { rows } = await tx.query<{
    user_id: number | null;
    label: string | null;
    name: string | null;
    email: string | null;
  }>(
    `with spent as (
       update alert_ack_tokens set used_at = now()
       where nonce = $1 and alert_id = $2 and used_at is null and expires_at > now()
       returning delivery_id)
     select d.user_id, d.label, u.display_name as name, u.email
     from spent s left join alert_deliveries d on d.id = s.delivery_id
       left join users u on u.id = d.user_id`,
    [nonce, alertId],
  );
  const spent = rows[0];
  if (spent) {
    const name = spent.name ?? spent.label ?? 'the link holder';
    return {
      kind: 'used-now',
      actor: { userId: spent.user_id, name },
      auditLabel:
        spent.email ?? `acknowledgement link sent to ${spent.label ?? 'an unknown target'}`,
    };
  }
  const { rows: known } = await tx.query<{ used_at: Date | null; expired: boolean }>(
    'select used_at, expires_at <= now() as expired from alert_ack_tokens where nonce = $1 and alert_id = $2',
    [nonce, alertId],
  );
  const token = known[0];
  if (!token) return { kind: 'unknown' };
  if (token.used_at) return { kind: 'already-used' };
  return { kind: 'expired' };
}
