import {
  auditedAction,
  createSecretBox,
  getSource,
  removeSourceCredential,
  setSourceCredential,
  sourcesWithCredentials,
} from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import { HttpError, notFound } from '../http-error.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config'>;

function boxOf(deps: Deps) {
  const key = deps.config.BAROMETER_SECRET_KEY;
  if (!key) {
    throw new HttpError(
      409,
      'no_secret_key',
      'Credentials cannot be stored yet: the server has no secret key. Ask IT to set BAROMETER_SECRET_KEY.',
    );
  }
  return createSecretBox(key);
}

const describe = (set: boolean) => ({ credentials: set ? 'set' : 'not set' });

/**
 * Sets or replaces a source's credential: sealed before it reaches Postgres, audited as "set"
 * (never the value), never echoed back. The body is not logged (the request log has no bodies).
 */
export function put(deps: Deps): RouteHandler<'PUT /api/sources/:id/credential'> {
  return async (req, reply) => {
    const box = boxOf(deps);
    const { id } = req.params;
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      if (!(await getSource(tx, id))) throw notFound('source');
      const before = (await sourcesWithCredentials(tx, [id])).has(id);
      await setSourceCredential(tx, box, id, req.body.credential);
      return {
        result: null,
        audit: {
          action: before ? 'source.credential-replaced' : 'source.credential-set',
          subjectType: 'source',
          subjectId: id,
          before: describe(before),
          after: describe(true),
        },
      };
    });
    req.log.info({ sourceId: id }, 'source credential set');
    return reply.status(204).send(null);
  };
}

export function remove(deps: Deps): RouteHandler<'DELETE /api/sources/:id/credential'> {
  return async (req, reply) => {
    const { id } = req.params;
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      if (!(await getSource(tx, id))) throw notFound('source');
      const before = (await sourcesWithCredentials(tx, [id])).has(id);
      await removeSourceCredential(tx, id);
      return {
        result: null,
        audit: {
          action: 'source.credential-removed',
          subjectType: 'source',
          subjectId: id,
          before: describe(before),
          after: describe(false),
        },
      };
    });
    req.log.info({ sourceId: id }, 'source credential removed');
    return reply.status(204).send(null);
  };
}
