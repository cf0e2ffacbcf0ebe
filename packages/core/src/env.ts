import { z } from 'zod';
import { compileIdentifierMask, type RedactionOptions } from './scoring/redaction/pii.ts';
import { SecretKeyEnv } from './secret-key.ts';

/** "true"/"1" or "false"/"0", as environment variables spell booleans. */
export const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const cidr = z
  .string()
  .trim()
  .regex(/^[0-9a-f:.]+\/\d{1,3}$/i, 'must be an address range such as 10.20.0.0/16');

/**
 * Which addresses feed URLs may reach: shared by every process that fetches or checks a feed URL
 * (the worker polls, the API checks URLs when a source is saved and discovers feeds).
 */
export const FeedPolicyEnv = z.object({
  /** Allow every private/loopback address (the local simulator). Off in production. */
  ALLOW_PRIVATE_FEEDS: booleanFlag,
  /** Comma-separated ranges allowed even when private addresses are refused (an intranet feed). */
  ALLOWED_FEED_CIDRS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(cidr)),
});
export type FeedPolicyEnv = z.infer<typeof FeedPolicyEnv>;

export function feedHttpPolicy(env: FeedPolicyEnv): {
  allowPrivate: boolean;
  allowedCidrs: string[];
} {
  return { allowPrivate: env.ALLOW_PRIVATE_FEEDS, allowedCidrs: env.ALLOWED_FEED_CIDRS };
}

/** What every long-running service reads: where its stores are and how loudly it logs. */
export const ServiceEnv = FeedPolicyEnv.extend({
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/barometer'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Namespace for every Redis key and channel, so deployments (and test files) never mix. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'letters, digits, _ and - only')
    .default('barometer'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...SecretKeyEnv.shape,
  /**
   * The trust's hospital-number formats, comma-separated masks (`#` digit, `@` letter), e.g.
   * "RXN#######,@@######": redacted like NHS numbers wherever text is shown redacted.
   */
  HOSPITAL_NUMBER_MASKS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((masks, ctx) => {
      for (const mask of masks) {
        try {
          compileIdentifierMask(mask);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }
    }),
  /** Postgres cancels a statement running longer than this. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** A query with no answer at all this long fails (a black-holed network); keep above the above. */
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
});
export type ServiceEnv = z.infer<typeof ServiceEnv>;

/** The pool bounds a service reads from its environment. */
export function databaseTimeouts(env: ServiceEnv): {
  statementTimeoutMs: number;
  queryTimeoutMs: number;
} {
  return {
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS,
  };
}

/** The trust's redaction settings a service reads from its environment. */
export function redactionOptions(env: ServiceEnv): RedactionOptions {
  return { hospitalNumbers: env.HOSPITAL_NUMBER_MASKS };
}

/** Parses the environment once, listing every problem together, or throws. */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): Readonly<z.infer<S>> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
