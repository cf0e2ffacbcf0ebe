import { expect, test } from 'vitest';
import { identityFromClaims } from './oidc-identity.ts';

test('a verified e-mail is kept, lower-cased, with the subject and name', () => {
  expect(
    identityFromClaims({
      sub: 's1',
      email: 'Alice@Trust.Example',
      email_verified: true,
      name: 'Alice',
    }),
  ).toEqual({
    subject: 's1',
    verifiedEmail: 'alice@trust.example',
    claimedEmail: 'alice@trust.example',
    name: 'Alice',
  });
});

test('an e-mail the provider does not vouch for is claimed but not verified', () => {
  const unverified = identityFromClaims({ sub: 's1', email: 'a@x.example', email_verified: false });
  expect(unverified).toMatchObject({ verifiedEmail: null, claimedEmail: 'a@x.example' });
  const silent = identityFromClaims({ sub: 's1', email: 'a@x.example' });
  expect(silent).toMatchObject({ verifiedEmail: null, claimedEmail: 'a@x.example' });
});

test("Entra ID's xms_edov vouches for the address only when email_verified is absent", () => {
  expect(
    identityFromClaims({ sub: 's', email: 'a@x.example', xms_edov: true })?.verifiedEmail,
  ).toBe('a@x.example');
  expect(identityFromClaims({ sub: 's', email: 'a@x.example', xms_edov: '1' })?.verifiedEmail).toBe(
    'a@x.example',
  );
  expect(
    identityFromClaims({ sub: 's', email: 'a@x.example', xms_edov: true, email_verified: false })
      ?.verifiedEmail,
  ).toBeNull();
  expect(
    identityFromClaims({ sub: 's', email: 'a@x.example', xms_edov: false })?.verifiedEmail,
  ).toBeNull();
});

test('email_verified sent as the string "true" counts, a malformed address does not', () => {
  expect(
    identityFromClaims({ sub: 's', email: 'a@x.example', email_verified: 'true' })?.verifiedEmail,
  ).toBe('a@x.example');
  expect(
    identityFromClaims({ sub: 's', email: 'not an address', email_verified: true }),
  ).toMatchObject({ verifiedEmail: null, claimedEmail: null });
});

test('claims without a subject say nothing about who the person is', () => {
  expect(identityFromClaims({ email: 'a@x.example', email_verified: true })).toBeNull();
  expect(identityFromClaims({ sub: '' })).toBeNull();
  expect(identityFromClaims(undefined)).toBeNull();
});

test('the ID token wins over the userinfo answer when both name a claim', () => {
  const identity = identityFromClaims(
    { sub: 's', email: 'old@x.example', email_verified: true },
    { sub: 's', email: 'new@x.example', email_verified: true },
  );
  expect(identity?.verifiedEmail).toBe('new@x.example');
});
