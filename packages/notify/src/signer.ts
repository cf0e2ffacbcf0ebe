import { createHmac } from 'node:crypto';
import type { AckSigner } from '@barometer/core';

/** The HMAC-SHA256 signer core's acknowledgement tokens are checked with. */
export function hmacSigner(secret: string): AckSigner {
  return (message) => createHmac('sha256', secret).update(message).digest('base64url');
}
