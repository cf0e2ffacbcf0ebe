import { z } from 'zod';
import { booleanFlag } from '../env.ts';

const cidrList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(/^[0-9a-f:.]+\/\d{1,3}$/i, 'must be an address range such as 10.20.0.0/16'),
    ),
  );

/**
 * What the processes that raise, send and acknowledge alerts read (worker and API). Links in
 * messages start at PUBLIC_URL; the acknowledgement links are signed with ALERT_SIGNING_SECRET.
 */
export const AlertEnv = z.object({
  /** The trust's mail relay; empty (as .env.example ships it) sends no e-mail. */
  SMTP_URL: z
    .string()
    .default('')
    .refine((u) => u === '' || /^smtps?:\/\/[^\s]+$/.test(u), 'must be an smtp:// or smtps:// URL'),
  MAIL_FROM: z.string().min(3).default('Barometer <barometer@localhost>'),
  /** Unset or empty: this machine (the API treats an empty PUBLIC_URL the same way). */
  PUBLIC_URL: z
    .string()
    .default('')
    .transform((u) => (u.trim() || 'http://127.0.0.1:3000').replace(/\/+$/, ''))
    .pipe(z.url('must be the full address people open, such as https://barometer.example.nhs.uk')),
  /** Signs acknowledgement links; at least 32 characters. The default is for development only. */
  ALERT_SIGNING_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default('development-only-alert-signing-secret'),
  /** Signs the generic webhook (X-Barometer-Signature) for a trust's own paging system. */
  WEBHOOK_SIGNING_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default('development-only-webhook-signing-secret'),
  /** How long an acknowledgement link works. */
  ACK_LINK_TTL_HOURS: z.coerce
    .number()
    .min(1)
    .max(24 * 14)
    .default(24),
  /** Allow webhooks to private or loopback addresses (a local test receiver). Off in production. */
  ALLOW_PRIVATE_WEBHOOKS: booleanFlag,
  ALLOWED_WEBHOOK_CIDRS: cidrList,
});
export type AlertEnv = z.infer<typeof AlertEnv>;

export function webhookHttpPolicy(env: AlertEnv): {
  allowPrivate: boolean;
  allowedCidrs: string[];
} {
  return { allowPrivate: env.ALLOW_PRIVATE_WEBHOOKS, allowedCidrs: env.ALLOWED_WEBHOOK_CIDRS };
}
