import { resolve } from 'node:path';
import { AlertEnv, booleanFlag, parseEnv, Role, ServiceEnv } from '@barometer/core';
import { z } from 'zod';

const list = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const ApiEnv = ServiceEnv.extend(AlertEnv.shape)
  .extend({
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** The built dashboard (vite build output); served at / when it exists. */
    /** The whole request, body included, must arrive within this; a half-sent body is dropped. */
    API_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** A keep-alive HTTP connection with no traffic for this long is closed (not live sockets). */
    API_CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
    /** Feed discoveries (each fetches up to 7 pages) running at once across this API. */
    DISCOVERY_MAX_CONCURRENT: z.coerce.number().int().min(1).max(50).default(3),
    /** Feed discoveries one client may start per minute. */
    DISCOVERY_PER_CLIENT_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
    /** Live back-fills querying Postgres at once (on a pool of their own of this size). */
    LIVE_BACKFILL_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(3),
    /** Back-fills that may wait for a slot; dashboards beyond are told to retry shortly. */
    LIVE_BACKFILL_QUEUE: z.coerce.number().int().min(0).max(10_000).default(100),
    WEB_DIST: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
    /**
     * The address people open (https://barometer.trust.nhs.uk). Decides the allowed Host and
     * Origin, the Secure cookie flag, and the links in invitations. Unset: this machine only.
     */
    PUBLIC_URL: z
      .url('must be the full address people open, such as https://barometer.example.nhs.uk')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Further host names this deployment answers to (comma-separated), beside PUBLIC_URL's. */
    ALLOWED_HOSTS: list,
    /** Behind the trust's reverse proxy: believe its X-Forwarded-* headers for address and scheme. */
    TRUST_PROXY: booleanFlag,
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Failed sign-ins per account within the window before it is held (answers 429). */
    SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    SIGNIN_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    /** Single sign-on (OpenID Connect, e.g. Entra ID): all three, or none. */
    OIDC_ISSUER: z
      .url()
      .optional()
      .or(z.literal('').transform(() => undefined)),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_LABEL: z.string().default('Sign in with your NHS account'),
    /** A person signing in through single sign-on for the first time gets this role; empty: refused. */
    OIDC_AUTO_CREATE_ROLE: Role.optional().or(z.literal('').transform(() => undefined)),
  })
  .refine(
    (env) =>
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every(Boolean) ||
      [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].every((v) => !v),
    {
      message: 'set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none',
      path: ['OIDC_ISSUER'],
    },
  );
export type ApiConfig = z.infer<typeof ApiEnv>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return parseEnv(ApiEnv, env);
}

export function sessionPolicy(config: ApiConfig) {
  return { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
}
