/**
 * Signed, expiring acknowledgement tokens for the link in a page. The token names the alert, a
 * random nonce (the row that makes it single-use) and its expiry, signed with HMAC-SHA256 by a
 * signer the caller builds from the deployment's secret; core only does the arithmetic, so it
 * stays free of I/O and of Node's crypto module (the dashboard imports core too).
 *
 * Format: `<alertId>.<nonce>.<expiresAtSeconds>.<signature>`, all URL-safe.
 */

/** HMAC-SHA256 of `message` under the secret, base64url. */
export type AckSigner = (message: string) => string;

export interface AckClaims {
  alertId: number;
  nonce: string;
  expiresAt: Date;
}

export type AckTokenCheck =
  | { ok: true; claims: AckClaims }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

function signedPart(claims: AckClaims): string {
  return `${claims.alertId}.${claims.nonce}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
}

export function issueAckToken(claims: AckClaims, sign: AckSigner): string {
  if (!Number.isSafeInteger(claims.alertId) || claims.alertId <= 0) {
    throw new Error(`an acknowledgement token needs an alert id, got ${claims.alertId}`);
  }
  if (!NONCE.test(claims.nonce))
    throw new Error('an acknowledgement nonce must be url-safe random');
  const part = signedPart(claims);
  return `${part}.${sign(part)}`;
}

/** Checks the signature first (a forged token learns nothing), then the expiry. */
export function verifyAckToken(token: string, sign: AckSigner, now: Date): AckTokenCheck {
  const pieces = token.split('.');
  if (pieces.length !== 4) return { ok: false, reason: 'malformed' };
  const [id, nonce, exp, signature] = pieces as [string, string, string, string];
  if (!/^[1-9]\d{0,15}$/.test(id) || !NONCE.test(nonce) || !/^\d{1,12}$/.test(exp)) {
    return { ok: false, reason: 'malformed' };
  }
  const claims = { alertId: Number(id), nonce, expiresAt: new Date(Number(exp) * 1000) };
  if (!constantTimeEqual(sign(signedPart(claims)), signature))
    return { ok: false, reason: 'forged' };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** Compares without stopping at the first difference, so timing says nothing about the secret. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** What a person sees when a link cannot acknowledge, in plain words. */
export const ACK_REFUSALS = {
  malformed: 'This acknowledgement link is not complete. Open the alert in Barometer instead.',
  forged: 'This acknowledgement link is not valid. Open the alert in Barometer instead.',
  expired: 'This acknowledgement link has expired. Open the alert in Barometer to acknowledge it.',
  used: 'This acknowledgement link has already been used. Open the alert in Barometer to see who acknowledged it.',
} as const;
export type AckRefusal = keyof typeof ACK_REFUSALS;
