import { composeAlertMessage } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMailer, EmailNotConfiguredError, messageIdFor } from '../src/email.ts';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.ts';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const message = composeAlertMessage({
  alertId: 12,
  title: 'Safeguarding signal on Local news',
  why: 'A post on Local news reads as a safeguarding signal.',
  excerpt: 'NHS number 943 476 5919 and I have said my goodbyes',
  severity: 'page',
  count: 1,
  raisedAt: new Date('2026-10-25T01:30:00Z'),
  alertUrl: 'http://127.0.0.1:3000/alerts/12',
  ackUrl: 'http://127.0.0.1:3000/api/ack/12.abcdefghijklmnopqrst.1.sig',
  step: 1,
  repeat: 0,
});

describe('e-mail over SMTP', () => {
  test('an alert arrives at a real SMTP server with an HTML body and a plain-text alternative', async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: 'Barometer <alerts@trust.nhs.uk>' });
    try {
      await mailer.send({
        to: 'oncall@trust.nhs.uk',
        ...message,
        idempotencyKey: '12/0/email:oncall@trust.nhs.uk',
      });
      const [mail] = await sink.waitFor(1);
      expect(mail?.to).toEqual(['oncall@trust.nhs.uk']);
      expect(mail?.parsed.subject).toBe(message.subject);
      expect(mail?.parsed.text).toContain('Acknowledge (one click, no sign-in)');
      expect(mail?.parsed.html).toContain('>Acknowledge</a>');
      expect(mail?.parsed.messageId).toBe('<alert.12/0/email.oncall.trust.nhs.uk@trust.nhs.uk>');
      for (const part of [mail?.parsed.text, mail?.parsed.html, mail?.parsed.subject, mail?.raw]) {
        expect(part).not.toMatch(/943\s?476\s?5919/);
      }
    } finally {
      mailer.close();
    }
  });

  test('a server that refuses the message fails the send, so the job retries', async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: 'alerts@trust.nhs.uk' });
    sink.failNext(1);
    try {
      await expect(
        mailer.send({ to: 'oncall@trust.nhs.uk', ...message, idempotencyKey: 'k2' }),
      ).rejects.toThrow(/try again later|451/);
    } finally {
      mailer.close();
    }
  });

  test('a mail server nobody listens on fails clearly instead of hanging', async () => {
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'a@b.nhs.uk',
      timeoutMs: 2000,
    });
    try {
      await expect(
        mailer.send({ to: 'x@trust.nhs.uk', ...message, idempotencyKey: 'k3' }),
      ).rejects.toThrow();
    } finally {
      mailer.close();
    }
  });

  test('with no mail server set, every message is refused for good, saying why', async () => {
    const mailer = createMailer({ smtpUrl: '', from: 'a@b.nhs.uk' });
    const error = await mailer
      .send({ to: 'x@trust.nhs.uk', ...message, idempotencyKey: 'k4' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailNotConfiguredError);
    expect((error as Error).message).toMatch(/SMTP_URL is empty/);
  });

  test('the Message-ID is the same for the same delivery, so a repeat is recognisable', () => {
    expect(messageIdFor('7/1/user:3', 'Barometer <a@trust.nhs.uk>')).toBe(
      messageIdFor('7/1/user:3', 'a@trust.nhs.uk'),
    );
    expect(messageIdFor('7/1/user:3', 'a@trust.nhs.uk')).not.toBe(
      messageIdFor('7/2/user:3', 'a@trust.nhs.uk'),
    );
  });
});
