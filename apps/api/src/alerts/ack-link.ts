import {
  ACK_REFUSALS,
  type AckOutcome,
  type AckSigner,
  type AlertDto,
  verifyAckToken,
} from '@barometer/core';
import {
  acknowledgeAlert,
  type Database,
  getAlert,
  recordAudit,
  spendAckToken,
  toAlertDto,
  withTransaction,
} from '@barometer/db';

export interface LinkAckResult {
  outcome: AckOutcome;
  /** The alert as it now is, when it changed (to publish after the commit). */
  changed: AlertDto | null;
  status: 200 | 400 | 403 | 404 | 409 | 410;
}

/**
 * The public acknowledgement link: the signature and expiry are checked first (no database
 * work for a forged link), then the token is spent and the alert acknowledged in one
 * transaction, so a link works once and a reused link is refused in plain words.
 */
export async function acknowledgeByLink(
  pool: Database['pool'],
  token: string,
  sign: AckSigner,
  now: Date,
  request: { requestId: string; address: string },
): Promise<LinkAckResult> {
  const check = verifyAckToken(token, sign, now);
  if (!check.ok) {
    const status = check.reason === 'expired' ? 410 : check.reason === 'forged' ? 403 : 400;
    return { outcome: refusal(check.reason, null), changed: null, status };
  }
  const { alertId, nonce } = check.claims;
  return withTransaction(pool, async (tx) => {
    const use = await spendAckToken(tx, alertId, nonce);
    if (use.kind === 'unknown')
      return { outcome: refusal('forged', null), changed: null, status: 404 };
    if (use.kind === 'expired')
      return { outcome: refusal('expired', alertId), changed: null, status: 410 };
    if (use.kind === 'already-used') {
      return { outcome: refusal('used', alertId), changed: null, status: 409 };
    }
    const acknowledged = await acknowledgeAlert(tx, alertId, use.actor, 'link');
    if (acknowledged) {
      // The same transaction as the change: the person the link was for, and the request.
      await recordAudit(
        tx,
        { userId: use.actor.userId, label: use.auditLabel, ...request },
        {
          action: 'alert.acknowledged',
          subjectType: 'alert',
          subjectId: alertId,
          after: { via: 'link' },
        },
      );
      return {
        outcome: {
          acknowledged: true,
          message: `Thank you, ${use.actor.name}. The alert is acknowledged and nobody else will be paged for it.`,
          alertId,
        },
        changed: toAlertDto(acknowledged),
        status: 200,
      };
    }
    const alert = await getAlert(tx, alertId);
    const by = alert?.acknowledged_by_name ?? alert?.resolved_by_name ?? 'someone else';
    return {
      outcome: {
        acknowledged: false,
        message: `${by} has already dealt with this alert, so the ladder had already stopped.`,
        alertId,
      },
      changed: null,
      status: 200,
    };
  });
}

function refusal(reason: keyof typeof ACK_REFUSALS, alertId: number | null): AckOutcome {
  return { acknowledged: false, message: ACK_REFUSALS[reason], alertId };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A page that works with no script, no sign-in and no inline style (the CSP allows none): the
 * outcome and a link to the alert.
 */
export function ackPage(outcome: AckOutcome, publicUrl: string | undefined): string {
  const base = publicUrl?.replace(/\/+$/, '') ?? '';
  const link = outcome.alertId ? `${base}/alerts/${outcome.alertId}` : `${base}/alerts`;
  const heading = outcome.acknowledged ? 'Alert acknowledged' : 'Nothing was changed';
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${heading} - Barometer</title>`,
    '</head><body>',
    `<h1>${heading}</h1><p>${escapeHtml(outcome.message)}</p>`,
    `<p><a href="${escapeHtml(link)}">Open the alert in Barometer</a></p>`,
    '</body></html>',
  ].join('');
}
