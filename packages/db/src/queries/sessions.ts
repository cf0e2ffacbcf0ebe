import { type SessionPolicy, sessionState } from '@barometer/core';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { newToken, tokenId } from '../auth/tokens.ts';
import { orm, type Queryable } from '../client.ts';
import { invitations, sessions, users } from '../schema/users.ts';
import type { UserRow } from './users.ts';

export type SessionRow = typeof sessions.$inferSelect;

/** Starts a session; the token goes in the cookie and is never stored. */
export async function createSession(
  q: Queryable,
  fields: {
    userId: number;
    method: SessionRow['method'];
    expiresAt: Date;
    address: string | null;
    userAgent: string | null;
  },
): Promise<{ token: string; session: SessionRow }> {
  const token = newToken();
  const [session] = await orm(q)
    .insert(sessions)
    .values({ id: tokenId(token), ...fields })
    .returning();
  return { token, session: session! };
}

export async function findSession(
  q: Queryable,
  token: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await orm(q)
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, tokenId(token)));
  return row;
}

export async function touchSession(q: Queryable, id: string, at: Date): Promise<void> {
  await orm(q).update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

/** Revokes sessions; returns the ids revoked (for closing their live sockets). */
export async function revokeSessions(
  q: Queryable,
  where: { id: string } | { userId: number },
): Promise<string[]> {
  const match = 'id' in where ? eq(sessions.id, where.id) : eq(sessions.userId, where.userId);
  const rows = await orm(q)
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(match, isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

/** Of these session ids, the ones still usable now, by core's one session rule. */
export async function liveSessionIds(
  q: Queryable,
  ids: string[],
  policy: SessionPolicy,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await orm(q)
    .select({ session: sessions, userDisabledAt: users.disabledAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(sessions.id, ids));
  const now = new Date();
  const valid = rows.filter(
    (r) =>
      sessionState({ ...r.session, userDisabledAt: r.userDisabledAt }, now, policy) === 'valid',
  );
  return new Set(valid.map((r) => r.session.id));
}

/** Who an unused, unexpired invitation is for. */
export async function findOpenInvitation(
  q: Queryable,
  token: string,
): Promise<{ email: string; displayName: string } | undefined> {
  const [row] = await orm(q)
    .select({ email: users.email, displayName: users.displayName })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(
      and(
        eq(invitations.id, tokenId(token)),
        isNull(invitations.usedAt),
        sql`${invitations.expiresAt} > now()`,
      ),
    );
  return row;
}

export async function createInvitation(
  q: Queryable,
  userId: number,
  expiresAt: Date,
): Promise<string> {
  const token = newToken();
  await orm(q)
    .insert(invitations)
    .values({ id: tokenId(token), userId, expiresAt });
  return token;
}

/** Uses an invitation once: the user id when it was valid and unused, else undefined. */
export async function consumeInvitation(q: Queryable, token: string): Promise<number | undefined> {
  const [row] = await orm(q)
    .update(invitations)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(invitations.id, tokenId(token)),
        isNull(invitations.usedAt),
        sql`${invitations.expiresAt} > now()`,
      ),
    )
    .returning({ userId: invitations.userId });
  return row?.userId;
}
