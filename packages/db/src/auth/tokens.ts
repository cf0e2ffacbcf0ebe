import { createHash, randomBytes } from 'node:crypto';

/** A secret for a cookie or a link: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a token, so a copy of the table grants nothing. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
