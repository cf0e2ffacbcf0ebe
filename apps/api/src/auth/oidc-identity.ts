import { z } from 'zod';

/** The claims Barometer reads from an ID token or the userinfo answer; the rest are ignored. */
const Claims = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().trim().max(320).optional().catch(undefined),
  email_verified: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .catch(undefined),
  /** Entra ID's "e-mail domain owner verified": it never sends email_verified for work accounts. */
  xms_edov: z
    .union([
      z.boolean(),
      z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
    ])
    .optional()
    .catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
});

/** Who the identity provider says the person is. */
export interface OidcIdentity {
  subject: string;
  /** Null unless the provider vouches for the address: an unverified one may belong to anyone. */
  verifiedEmail: string | null;
  /** The address as sent, verified or not, for the audit log and the message on screen. */
  claimedEmail: string | null;
  name: string | null;
}

const EMAIL = z.email();

/**
 * Reads the identity from the provider's claims. An e-mail counts only when `email_verified` is
 * true, or, when the provider sends no `email_verified` at all, when Entra ID's `xms_edov` is
 * true (the tenant owns the address's domain).
 */
export function identityFromClaims(...sources: unknown[]): OidcIdentity | null {
  const merged = Object.assign({}, ...sources.filter((s) => typeof s === 'object' && s !== null));
  const parsed = Claims.safeParse(merged);
  if (!parsed.success) return null;
  const claims = parsed.data;
  const email = claims.email && EMAIL.safeParse(claims.email).success ? claims.email : null;
  const verified =
    claims.email_verified === true ||
    (claims.email_verified === undefined && claims.xms_edov === true);
  return {
    subject: claims.sub,
    verifiedEmail: email && verified ? email.toLowerCase() : null,
    claimedEmail: email?.toLowerCase() ?? null,
    name: claims.name || null,
  };
}
