import { createTransport } from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox key: becomes the Message-ID, so a receiving system can drop a duplicate. */
  idempotencyKey: string;
}

export interface SentEmail {
  messageId: string;
  /** The SMTP server's last reply ("250 OK: queued as ..."), for the alert's timeline. */
  response: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<SentEmail>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://...; credentials never leave this module's logs. */
  smtpUrl: string;
  from: string;
  /** Connection and greeting deadlines, so a silent SMTP server fails the job instead of hanging. */
  timeoutMs?: number;
}

/** A deterministic Message-ID from the outbox key (RFC 5322 id-left: dot-atom text only). */
export function messageIdFor(key: string, from: string): string {
  const left = key.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '.');
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'barometer.invalid';
  return `<alert.${left}@${domain}>`;
}

/**
 * E-mail over SMTP with nodemailer: HTML with a plain-text alternative, one recipient per message.
 * An empty `smtpUrl` (no mail server configured) gives a mailer that refuses every message.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl.trim() === '') {
    return {
      send: () => Promise.reject(new EmailNotConfiguredError()),
      close: () => {},
    };
  }
  const timeout = options.timeoutMs ?? 15_000;
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: messageIdFor(message.idempotencyKey, options.from),
        headers: { 'X-Barometer-Delivery': message.idempotencyKey },
      });
      if (info.rejected.length > 0) {
        throw new EmailRejectedError(`the mail server refused ${message.to}: ${info.response}`);
      }
      return { messageId: info.messageId, response: info.response };
    },
    close() {
      transport.close();
    },
  };
}

/** The server refused the recipient: retrying the same address will not help. */
export class EmailRejectedError extends Error {
  override readonly name = 'EmailRejectedError';
}

/** No mail server is set (SMTP_URL is empty): nothing can be e-mailed until it is. */
export class EmailNotConfiguredError extends Error {
  override readonly name = 'EmailNotConfiguredError';
  constructor() {
    super('no mail server is set (SMTP_URL is empty), so this e-mail was not sent');
  }
}
