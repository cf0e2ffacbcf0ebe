import { invitationExpiry, invitationUrl } from '@barometer/core';
import {
  auditedAction,
  countAdmins,
  createInvitation,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  revokeSessions,
  toUser,
  updateUser,
} from '@barometer/db';
import { announceEndedSessions } from '../auth/sign-in.ts';
import type { ApiConfig } from '../config.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError, notFound } from '../http-error.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis' | 'live'>;

/** The link on the address people open (PUBLIC_URL), or the one this request came in on. */
function linkFor(
  config: ApiConfig,
  req: { protocol: string; host: string },
  token: string,
): string {
  return invitationUrl(config.PUBLIC_URL ?? `${req.protocol}://${req.host}`, token);
}

export function list(deps: Deps): RouteHandler<'GET /api/users'> {
  return async () => ({ items: await listUsers(deps.database.pool) });
}

export function invite(deps: Deps): RouteHandler<'POST /api/users'> {
  return async (req, reply) => {
    const body = req.body;
    if (await findUserByEmail(deps.database.pool, body.email)) {
      throw new HttpError(
        409,
        'duplicate',
        'Someone with this e-mail address already has an account',
        {
          fields: { email: 'Someone with this e-mail address already has an account' },
        },
      );
    }
    const expiresAt = invitationExpiry(new Date());
    const { user, token } = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const row = await insertUser(tx, { ...body, passwordHash: null });
      const invitation = await createInvitation(tx, row.id, expiresAt);
      return {
        result: { user: row, token: invitation },
        audit: {
          action: 'user.invited',
          subjectType: 'user',
          subjectId: row.id,
          after: { email: row.email, displayName: row.displayName, roles: row.roles },
        },
      };
    });
    req.log.info({ userId: user.id }, 'user invited');
    return reply.status(201).send({
      user: toUser(user),
      invitationUrl: linkFor(deps.config, req, token),
      expiresAt: expiresAt.toISOString(),
    });
  };
}

export function reinvite(deps: Deps): RouteHandler<'POST /api/users/:id/invitation'> {
  return async (req, reply) => {
    const expiresAt = invitationExpiry(new Date());
    const { user, token } = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const row = await findUserById(tx, req.params.id);
      if (!row) throw notFound('person');
      const invitation = await createInvitation(tx, row.id, expiresAt);
      return {
        result: { user: row, token: invitation },
        audit: { action: 'user.invitation-renewed', subjectType: 'user', subjectId: row.id },
      };
    });
    return reply.status(201).send({
      user: toUser(user),
      invitationUrl: linkFor(deps.config, req, token),
      expiresAt: expiresAt.toISOString(),
    });
  };
}

/** Roles, name, disabling. The last admin cannot be demoted or disabled: nobody could undo it. */
export function update(deps: Deps): RouteHandler<'PATCH /api/users/:id'> {
  return async (req) => {
    const body = req.body;
    const { user, endedSessions } = await auditedAction(
      deps.database.pool,
      actorOf(req),
      async (tx) => {
        const before = await findUserById(tx, req.params.id);
        if (!before) throw notFound('person');
        const losesAdmin =
          before.roles.includes('admin') &&
          ((body.roles && !body.roles.includes('admin')) || body.disabled === true);
        if (losesAdmin && (await countAdmins(tx)) <= 1) {
          throw new HttpError(
            409,
            'last_admin',
            'Keep at least one enabled admin: add another admin first',
          );
        }
        const after = await updateUser(tx, before.id, {
          ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
          ...(body.roles !== undefined ? { roles: body.roles } : {}),
          ...(body.disabled !== undefined
            ? { disabledAt: body.disabled ? (before.disabledAt ?? new Date()) : null }
            : {}),
        });
        // Disabling, or any change of roles, ends the person's sessions: what they may see changed.
        const ended =
          body.disabled === true || body.roles !== undefined
            ? await revokeSessions(tx, { userId: before.id })
            : [];
        return {
          result: { user: after!, endedSessions: ended },
          audit: {
            action:
              body.disabled === true
                ? 'user.disabled'
                : body.roles
                  ? 'user.roles-changed'
                  : 'user.updated',
            subjectType: 'user',
            subjectId: before.id,
            before: {
              displayName: before.displayName,
              roles: before.roles,
              disabled: before.disabledAt !== null,
            },
            after: {
              displayName: after!.displayName,
              roles: after!.roles,
              disabled: after!.disabledAt !== null,
            },
          },
        };
      },
    );
    await announceEndedSessions(deps, endedSessions);
    return toUser(user);
  };
}
