import { publishLive } from '@barometer/bus';
import { can, PERMISSIONS, type SessionDto, sessionExpiry } from '@barometer/core';
import {
  type Actor,
  createSession,
  recordAudit,
  revokeSessions,
  toUser,
  type UserRow,
  updateUser,
  withTransaction,
} from '@barometer/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionPolicy } from '../config.ts';
import type { ApiDeps } from '../deps.ts';
import { setSessionCookie, type Viewer } from '../plugins/auth.ts';

export function sessionDto(
  user: UserRow,
  session: { expiresAt: Date; method: 'password' | 'oidc' },
): SessionDto {
  return {
    user: toUser(user),
    permissions: PERMISSIONS.filter((p) => can(user.roles, p)),
    expiresAt: session.expiresAt.toISOString(),
    method: session.method,
  };
}

/** Starts a session for a person who proved who they are: cookie set, sign-in audited. */
export async function startSession(
  deps: Pick<ApiDeps, 'database' | 'config'>,
  req: FastifyRequest,
  reply: FastifyReply,
  user: UserRow,
  method: 'password' | 'oidc',
): Promise<SessionDto> {
  const now = new Date();
  const expiresAt = sessionExpiry(now, sessionPolicy(deps.config));
  const actor: Actor = { userId: user.id, label: user.email, requestId: req.id, address: req.ip };
  const { token, session } = await withTransaction(deps.database.pool, async (tx) => {
    const created = await createSession(tx, {
      userId: user.id,
      method,
      expiresAt,
      address: req.ip,
      userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
    });
    await updateUser(tx, user.id, { lastSignInAt: now });
    await recordAudit(tx, actor, {
      action: 'session.signed-in',
      subjectType: 'user',
      subjectId: user.id,
      after: { method },
    });
    return created;
  });
  setSessionCookie(reply, deps.config, token, session.expiresAt);
  req.log.info({ userId: user.id, method }, 'signed in');
  return sessionDto(user, session);
}

/** Ends sessions and closes their live sockets on every API instance. */
export async function endSessions(
  deps: Pick<ApiDeps, 'database' | 'redis' | 'config' | 'live'>,
  viewer: Viewer,
  actor: Actor,
  scope: 'this' | 'all',
): Promise<void> {
  const ended = await withTransaction(deps.database.pool, async (tx) => {
    const ids = await revokeSessions(
      tx,
      scope === 'this' ? { id: viewer.sessionId } : { userId: viewer.userId },
    );
    await recordAudit(tx, actor, {
      action: scope === 'this' ? 'session.signed-out' : 'session.signed-out-everywhere',
      subjectType: 'user',
      subjectId: viewer.userId,
      after: { sessions: ids.length },
    });
    return ids;
  });
  await announceEndedSessions(deps, ended);
}

export async function announceEndedSessions(
  deps: Pick<ApiDeps, 'redis' | 'config' | 'live'>,
  sessionIds: string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  deps.live.endSessions(sessionIds);
  await publishLive(deps.redis, deps.config.REDIS_PREFIX, { kind: 'sessions.ended', sessionIds });
}
