import { clearWindow, countInWindow, peekWindow } from '@barometer/bus';
import {
  consumeInvitation,
  findOpenInvitation,
  findUserByEmail,
  findUserById,
  hashPassword,
  newPasswordProblem,
  normaliseEmail,
  recordAudit,
  updateUser,
  verifyPassword,
  withTransaction,
} from '@barometer/db';
import { endSessions, sessionDto, startSession } from '../auth/sign-in.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { actorOf, clearSessionCookie, requireViewer } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis' | 'live'>;

function failureKey(deps: Deps, email: string): string {
  return `${deps.config.REDIS_PREFIX}:signin-failures:${normaliseEmail(email)}`;
}

function tooMany(resetsInMs: number): HttpError {
  const minutes = Math.max(1, Math.ceil(resetsInMs / 60_000));
  return new HttpError(
    429,
    'too_many_attempts',
    `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an admin to reset your password.`,
    { retryAfterSeconds: Math.ceil(resetsInMs / 1000) },
  );
}

const WRONG = 'That e-mail address and password do not match an account';

/** Sign-in: one answer for a wrong password and an unknown account, and a hold after repeats. */
export function signIn(deps: Deps): RouteHandler<'POST /api/session'> {
  return async (req, reply) => {
    const { email, password } = req.body;
    const key = failureKey(deps, email);
    const held = await peekWindow(deps.redis, key);
    if (held.count >= deps.config.SIGNIN_MAX_FAILURES) throw tooMany(held.resetsInMs);
    const user = await findUserByEmail(deps.database.pool, email);
    const matches = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !matches || user.disabledAt) {
      const { count, resetsInMs } = await countInWindow(
        deps.redis,
        key,
        deps.config.SIGNIN_WINDOW_MINUTES * 60_000,
      );
      await recordAudit(
        deps.database.pool,
        { userId: null, label: normaliseEmail(email), requestId: req.id, address: req.ip },
        {
          action: 'session.sign-in-failed',
          subjectType: 'user',
          subjectId: user?.id ?? null,
          after: {
            reason: !user ? 'unknown account' : user.disabledAt ? 'disabled' : 'wrong password',
          },
        },
      );
      req.log.info({ userId: user?.id ?? null, failures: count }, 'sign-in refused');
      if (count >= deps.config.SIGNIN_MAX_FAILURES) throw tooMany(resetsInMs);
      throw new HttpError(
        401,
        'invalid_credentials',
        user?.disabledAt && matches
          ? 'This account is disabled. Ask an admin to enable it.'
          : WRONG,
      );
    }
    await clearWindow(deps.redis, key);
    return startSession(deps, req, reply, user, 'password');
  };
}

export function current(deps: Deps): RouteHandler<'GET /api/session'> {
  return async (req) => {
    const viewer = requireViewer(req);
    const user = await findUserById(deps.database.pool, viewer.userId);
    if (!user) throw new HttpError(401, 'unauthenticated', 'sign in to continue');
    return sessionDto(user, viewer);
  };
}

export function signOut(deps: Deps, scope: 'this' | 'all'): RouteHandler<'DELETE /api/session'> {
  return async (req, reply) => {
    await endSessions(deps, requireViewer(req), actorOf(req), scope);
    clearSessionCookie(reply, deps.config);
    return reply.status(204).send();
  };
}

export function providers(deps: Deps): RouteHandler<'GET /api/auth/providers'> {
  return async () => ({
    password: true,
    oidc: deps.config.OIDC_ISSUER ? { label: deps.config.OIDC_LABEL } : null,
  });
}

/** An invitation link names who it is for before the person chooses a password. */
export function invitationInfo(deps: Deps): RouteHandler<'GET /api/invitations/:token'> {
  return async (req) => {
    const invitation = await findOpenInvitation(deps.database.pool, req.params.token);
    if (!invitation) throw invalidLink();
    return invitation;
  };
}

function invalidLink(): HttpError {
  return new HttpError(
    404,
    'invalid_link',
    'This link has expired or has already been used. Ask an admin for a new one.',
  );
}

export function acceptInvitation(deps: Deps): RouteHandler<'POST /api/invitations/:token'> {
  return async (req, reply) => {
    const user = await withTransaction(deps.database.pool, async (tx) => {
      const userId = await consumeInvitation(tx, req.params.token);
      const found = userId === undefined ? undefined : await findUserById(tx, userId);
      if (!found || found.disabledAt) throw invalidLink();
      const problem = newPasswordProblem(req.body.password, {
        email: found.email,
        name: found.displayName,
      });
      if (problem) {
        throw new HttpError(400, 'validation_error', problem, { fields: { password: problem } });
      }
      const updated = await updateUser(tx, found.id, {
        passwordHash: await hashPassword(req.body.password),
      });
      await recordAudit(
        tx,
        { userId: found.id, label: found.email, requestId: req.id, address: req.ip },
        { action: 'user.password-set', subjectType: 'user', subjectId: found.id },
      );
      return updated!;
    });
    return startSession(deps, req, reply, user, 'password');
  };
}
