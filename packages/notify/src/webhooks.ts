import { createHmac } from 'node:crypto';
import type { AlertMessage } from '@barometer/core';
import { guardedFetch, type HttpPolicy, isConnectorError } from '@barometer/http';

export type WebhookKind = 'teams' | 'slack' | 'webhook';

export interface WebhookDelivery {
  kind: WebhookKind;
  url: string;
  message: AlertMessage;
  /** The outbox key, sent as Idempotency-Key so a receiver can drop a repeat. */
  idempotencyKey: string;
  alert: { id: number; severity: string; status: string; alertUrl: string; ackUrl: string | null };
}

export interface WebhookOptions {
  policy: HttpPolicy;
  /** Signs the generic webhook body (HMAC-SHA256). */
  signingSecret: string;
  now?: () => Date;
}

/** A webhook answered something other than 2xx, or could not be reached. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  /** False when sending again cannot help (a 4xx other than 408/429, a refused address). */
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.retryable = retryable;
  }
}

/** Microsoft Teams: an Adaptive Card, which Workflows and the older connectors both accept. */
export function teamsPayload(d: WebhookDelivery): unknown {
  const actions = [
    ...(d.alert.ackUrl
      ? [{ type: 'Action.OpenUrl', title: 'Acknowledge', url: d.alert.ackUrl }]
      : []),
    { type: 'Action.OpenUrl', title: 'Open in Barometer', url: d.alert.alertUrl },
  ];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              size: 'Medium',
              weight: 'Bolder',
              wrap: true,
              text: d.message.chat.title,
            },
            { type: 'TextBlock', wrap: true, text: d.message.chat.summary },
          ],
          actions,
        },
      },
    ],
  };
}

/** Slack incoming webhook: plain text for notifications, blocks for the channel. */
export function slackPayload(d: WebhookDelivery): unknown {
  const links = [
    ...(d.alert.ackUrl ? [`<${d.alert.ackUrl}|Acknowledge>`] : []),
    `<${d.alert.alertUrl}|Open in Barometer>`,
  ].join('  ·  ');
  const plain = (s: string) =>
    s.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return {
    text: plain(d.message.chat.title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: d.message.chat.title.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: plain(d.message.chat.summary) } },
      { type: 'section', text: { type: 'mrkdwn', text: links } },
    ],
  };
}

/** The generic webhook for a trust's own paging system: the alert as JSON, signed. */
export function genericPayload(d: WebhookDelivery): unknown {
  return {
    event: 'alert.page',
    alert: { id: d.alert.id, severity: d.alert.severity, status: d.alert.status },
    title: d.message.chat.title,
    summary: d.message.chat.summary,
    links: { alert: d.alert.alertUrl, acknowledge: d.alert.ackUrl },
    deliveryId: d.idempotencyKey,
  };
}

/**
 * `X-Barometer-Signature: sha256=<hex>` over `<timestamp>.<body>`, with the timestamp in
 * `X-Barometer-Timestamp`, so a receiver can refuse a replayed or altered call.
 */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

const PAYLOADS: Record<WebhookKind, (d: WebhookDelivery) => unknown> = {
  teams: teamsPayload,
  slack: slackPayload,
  webhook: genericPayload,
};

/**
 * POSTs one message through the guarded client (no private addresses unless allowed, no
 * redirects followed for a POST, deadlines). Resolves on 2xx; throws WebhookError otherwise.
 */
export async function sendWebhook(d: WebhookDelivery, options: WebhookOptions): Promise<number> {
  const body = JSON.stringify(PAYLOADS[d.kind](d));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'idempotency-key': d.idempotencyKey,
  };
  if (d.kind === 'webhook') {
    const timestamp = String(Math.floor((options.now?.() ?? new Date()).getTime() / 1000));
    headers['x-barometer-timestamp'] = timestamp;
    headers['x-barometer-signature'] = signWebhookBody(options.signingSecret, timestamp, body);
  }
  let status: number;
  try {
    const response = await guardedFetch(d.url, options.policy, { method: 'POST', body, headers });
    status = response.status;
  } catch (error) {
    const refused = isConnectorError(error) && ['private-address', 'bad-url'].includes(error.code);
    const reason = error instanceof Error ? error.message : String(error);
    throw new WebhookError(`the ${d.kind} webhook could not be reached: ${reason}`, !refused, {
      cause: error,
    });
  }
  if (status >= 200 && status < 300) return status;
  const retryable = status >= 500 || status === 408 || status === 429;
  throw new WebhookError(`the ${d.kind} webhook answered HTTP ${status}`, retryable);
}
