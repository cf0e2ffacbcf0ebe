import {
  type Access,
  can,
  type Role,
  SESSION_TOUCH_INTERVAL_MS,
  sessionState,
} from '@barometer/core';
import { type Actor, findSession, touchSession } from '@barometer/db';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiConfig, sessionPolicy } from '../config.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';

export const SESSION_COOKIE = 'barometer_session';

/** The signed-in person behind a request. */
export interface Viewer {
  userId: number;
  email: string;
  displayName: string;
  roles: Role[];
  sessionId: string;
  method: 'password' | 'oidc';
  expiresAt: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function cookieOptions(config: ApiConfig, expires: Date) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.PUBLIC_URL?.startsWith('https:') ?? false,
    path: '/',
    expires,
  };
}

export function setSessionCookie(
  reply: FastifyReply,
  config: ApiConfig,
  token: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, expires));
}

export function clearSessionCookie(reply: FastifyReply, config: ApiConfig) {
  reply.clearCookie(SESSION_COOKIE, { ...cookieOptions(config, new Date(0)), expires: undefined });
}

/** Who did something, for the audit log: the person, the request and where it came from. */
export function actorOf(req: FastifyRequest): Actor {
  return {
    userId: req.viewer?.userId ?? null,
    label: req.viewer?.email ?? 'anonymous',
    requestId: req.id,
    address: req.ip,
  };
}

export function requireViewer(req: FastifyRequest): Viewer {
  if (!req.viewer) throw new HttpError(401, 'unauthenticated', 'sign in to continue');
  return req.viewer;
}

/** Resolves the session cookie to a person (touching it at most once a minute). */
export async function resolveViewer(
  deps: Pick<ApiDeps, 'database' | 'config' | 'sessions'>,
  token: string | undefined,
): Promise<Viewer | null> {
  if (!token || token.length > 200) return null;
  const cached = deps.sessions.get(token, Date.now());
  if (cached) return cached;
  const found = await findSession(deps.database.pool, token);
  if (!found) return null;
  const { session, user } = found;
  const now = new Date();
  const state = sessionState(
    { ...session, userDisabledAt: user.disabledAt },
    now,
    sessionPolicy(deps.config),
  );
  if (state !== 'valid') return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(deps.database.pool, session.id, now);
  }
  const viewer: Viewer = {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    sessionId: session.id,
    method: session.method,
    expiresAt: session.expiresAt,
  };
  deps.sessions.set(token, viewer, now.getTime());
  return viewer;
}

/**
 * Every route declares who may call it (core's endpoint table); this hook enforces it before the
 * request is parsed: no session -> 401 unauthenticated, a role that may not -> 403 forbidden.
 */
export async function registerAuth(
  app: FastifyInstance,
  deps: Pick<ApiDeps, 'database' | 'config' | 'sessions'>,
) {
  await app.register(fastifyCookie);
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // static files and unknown paths
    req.viewer = await resolveViewer(deps, req.cookies[SESSION_COOKIE]);
    if (access === 'public') return;
    const viewer = requireViewer(req);
    if (access !== 'signed-in' && !can(viewer.roles, access)) {
      throw new HttpError(403, 'forbidden', 'your role does not allow this');
    }
  });
}
