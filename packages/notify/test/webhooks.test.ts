import { createHmac } from 'node:crypto';
import { composeAlertMessage } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sendWebhook, type WebhookDelivery, WebhookError } from '../src/webhooks.ts';
import { startWebhookSink, type WebhookSink } from './support/webhook-sink.ts';

let sink: WebhookSink;
beforeAll(async () => {
  sink = await startWebhookSink();
});
afterAll(async () => {
  await sink.close();
});

const secret = 'webhook-secret-webhook-secret-webhook';
const open = { policy: { allowPrivate: true }, signingSecret: secret };
const message = composeAlertMessage({
  alertId: 3,
  title: 'Thread escalating fast: A&E waits',
  why: 'Replies tripled in an hour. Call 07700 900123.',
  excerpt: null,
  severity: 'page',
  count: 3,
  raisedAt: new Date('2026-03-29T00:30:00Z'),
  alertUrl: 'http://127.0.0.1:3000/alerts/3',
  ackUrl: null,
  step: 2,
  repeat: 0,
});

function delivery(kind: WebhookDelivery['kind'], path: string): WebhookDelivery {
  return {
    kind,
    url: sink.url(path),
    message,
    idempotencyKey: `3/1/${kind}`,
    alert: {
      id: 3,
      severity: 'page',
      status: 'open',
      alertUrl: 'http://127.0.0.1:3000/alerts/3',
      ackUrl: null,
    },
  };
}

describe('webhooks through the guarded client', () => {
  test('Teams receives an Adaptive Card with the title and the link', async () => {
    const before = sink.calls.length;
    await sendWebhook(delivery('teams', '/teams'), open);
    const call = (await sink.waitFor(before + 1))[before]!;
    const body = JSON.parse(call.body);
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content.body[0].text).toBe(
      'Thread escalating fast: A&E waits (3 posts)',
    );
    expect(call.headers['idempotency-key']).toBe('3/1/teams');
  });

  test('Slack receives text and blocks, with its own escaping', async () => {
    const before = sink.calls.length;
    await sendWebhook(delivery('slack', '/slack'), open);
    const body = JSON.parse((await sink.waitFor(before + 1))[before]!.body);
    expect(body.text).toBe('Thread escalating fast: A&amp;E waits (3 posts)');
    expect(body.blocks[2].text.text).toContain('|Open in Barometer>');
  });

  test('the generic webhook is signed with HMAC-SHA256 over timestamp and body', async () => {
    const before = sink.calls.length;
    await sendWebhook(delivery('webhook', '/page'), {
      ...open,
      now: () => new Date('2026-03-29T00:31:00Z'),
    });
    const call = (await sink.waitFor(before + 1))[before]!;
    const timestamp = call.headers['x-barometer-timestamp'];
    expect(timestamp).toBe(String(Date.parse('2026-03-29T00:31:00Z') / 1000));
    const expected = createHmac('sha256', secret).update(`${timestamp}.${call.body}`).digest('hex');
    expect(call.headers['x-barometer-signature']).toBe(`sha256=${expected}`);
    expect(call.body).not.toContain('07700');
  });

  test('a 500 is a retryable failure and a 404 is not', async () => {
    sink.answer(500, 404);
    const first = await sendWebhook(delivery('slack', '/flaky'), open).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(WebhookError);
    expect((first as WebhookError).retryable).toBe(true);
    const second = await sendWebhook(delivery('slack', '/gone'), open).catch((e: unknown) => e);
    expect((second as WebhookError).retryable).toBe(false);
  });

  test('a private address is refused unless the operator allows it, and is not retried', async () => {
    const refused = await sendWebhook(delivery('teams', '/teams'), {
      policy: { allowPrivate: false },
      signingSecret: secret,
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WebhookError);
    expect((refused as WebhookError).retryable).toBe(false);
    expect((refused as Error).message).toMatch(/could not be reached/);
  });
});
