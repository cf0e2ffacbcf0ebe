import type { Role } from '@barometer/core';
import {
  type Actor,
  auditedAction,
  findUserByEmail,
  findUserBySubject,
  insertUser,
  type UserRow,
  updateUser,
} from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import type { OidcIdentity } from './oidc-identity.ts';

export type AccountRefusal =
  | 'no-verified-email'
  | 'unknown-account'
  | 'disabled'
  | 'linked-elsewhere';

export type AccountMatch =
  | { ok: true; user: UserRow; how: 'subject' | 'email' | 'created' }
  | { ok: false; reason: AccountRefusal; user: UserRow | null };

type Deps = Pick<ApiDeps, 'database' | 'config'>;

function actorFor(
  user: Pick<UserRow, 'id' | 'email'>,
  request: Omit<Actor, 'userId' | 'label'>,
): Actor {
  return { userId: user.id, label: user.email, ...request };
}

/**
 * Finds the Barometer account for a person the provider vouched for: by the provider's subject
 * first (stable even when an address changes), else by verified e-mail (and the subject is
 * remembered), else a new account with the configured role, if the admin allowed that.
 */
export async function matchAccount(
  deps: Deps,
  identity: OidcIdentity,
  request: Omit<Actor, 'userId' | 'label'>,
): Promise<AccountMatch> {
  const pool = deps.database.pool;
  const bySubject = await findUserBySubject(pool, identity.subject);
  if (bySubject) {
    return bySubject.disabledAt
      ? { ok: false, reason: 'disabled', user: bySubject }
      : { ok: true, user: bySubject, how: 'subject' };
  }
  if (!identity.verifiedEmail) return { ok: false, reason: 'no-verified-email', user: null };

  const byEmail = await findUserByEmail(pool, identity.verifiedEmail);
  if (byEmail) {
    if (byEmail.disabledAt) return { ok: false, reason: 'disabled', user: byEmail };
    // Another identity already signs in as this person: a reused address must not take it over.
    if (byEmail.oidcSubject !== null) {
      return { ok: false, reason: 'linked-elsewhere', user: byEmail };
    }
    const linked = await auditedAction(pool, actorFor(byEmail, request), async (tx) => ({
      result: (await updateUser(tx, byEmail.id, { oidcSubject: identity.subject }))!,
      audit: {
        action: 'user.sso-linked',
        subjectType: 'user',
        subjectId: byEmail.id,
        after: { singleSignOn: true },
      },
    }));
    return { ok: true, user: linked, how: 'email' };
  }

  const role: Role | undefined = deps.config.OIDC_AUTO_CREATE_ROLE;
  if (!role) return { ok: false, reason: 'unknown-account', user: null };
  const created = await auditedAction(
    pool,
    { userId: null, label: identity.verifiedEmail, ...request },
    async (tx) => {
      const user = await insertUser(tx, {
        email: identity.verifiedEmail!,
        displayName: identity.name ?? identity.verifiedEmail!,
        roles: [role],
        passwordHash: null,
        oidcSubject: identity.subject,
      });
      return {
        result: user,
        audit: {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          after: { email: user.email, roles: user.roles, via: 'single sign-on' },
        },
      };
    },
  );
  return { ok: true, user: created, how: 'created' };
}
