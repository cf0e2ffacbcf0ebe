import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { type AckSigner, constantTimeEqual, issueAckToken, verifyAckToken } from './ack-token.ts';

const signer =
  (secret: string): AckSigner =>
  (message) =>
    createHmac('sha256', secret).update(message).digest('base64url');
const sign = signer('a-long-test-secret-of-32-characters!');
const claims = {
  alertId: 42,
  nonce: 'n0nce-abcdefghijklmnop',
  expiresAt: new Date('2026-06-01T12:00:00Z'),
};
const before = new Date('2026-06-01T11:59:59Z');

describe('acknowledgement tokens', () => {
  test('a token issued for an alert verifies to that alert before it expires', () => {
    const token = issueAckToken(claims, sign);
    expect(verifyAckToken(token, sign, before)).toEqual({ ok: true, claims });
  });

  test('is URL-safe as it is', () => {
    expect(issueAckToken(claims, sign)).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  test('expires at its expiry instant', () => {
    const token = issueAckToken(claims, sign);
    expect(verifyAckToken(token, sign, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  test('a changed alert id, nonce or expiry is forged', () => {
    const token = issueAckToken(claims, sign);
    const [, nonce, exp, sig] = token.split('.');
    expect(verifyAckToken(`43.${nonce}.${exp}.${sig}`, sign, before).ok).toBe(false);
    expect(verifyAckToken(`42.${nonce}x.${exp}.${sig}`, sign, before)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifyAckToken(`42.${nonce}.${Number(exp) + 3600}.${sig}`, sign, before)).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  test('a token signed with another secret is forged, even when expired', () => {
    const other = issueAckToken(claims, signer('another-secret-another-secret-!!'));
    expect(verifyAckToken(other, sign, new Date('2030-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'forged',
    });
  });

  test('garbage is malformed, not an error', () => {
    for (const junk of ['', 'abc', '1.2.3', '0.nonce-abcdefghijklmnop.1.x', '1.a.1.x', 'a.b.c.d']) {
      expect(verifyAckToken(junk, sign, before), junk).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  test('compares equal strings equal and any difference unequal', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});
