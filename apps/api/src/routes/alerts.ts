import { publishLive } from '@barometer/bus';
import type { AlertDto } from '@barometer/core';
import {
  acknowledgeAlert,
  auditedAction,
  getAlertDetail,
  getAlertDto,
  listAlerts,
  resolveAlert,
  toAlertDto,
} from '@barometer/db';
import { alertLiveMessage } from '@barometer/notify';
import type { FastifyRequest } from 'fastify';
import { alertActor } from '../alerts/actor.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError, notFound } from '../http-error.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'redis' | 'config'>;

export function list(deps: Deps): RouteHandler<'GET /api/alerts'> {
  return async (req) => listAlerts(deps.database.pool, req.query);
}

export function show(deps: Deps): RouteHandler<'GET /api/alerts/:id'> {
  return async (req) => {
    const alert = await getAlertDetail(deps.database.pool, req.params.id);
    if (!alert) throw notFound('alert');
    return alert;
  };
}

/** After the commit: every dashboard that may read alerts hears of the change. */
export async function announceAlert(deps: Deps, req: FastifyRequest, alert: AlertDto) {
  await publishLive(
    deps.redis,
    deps.config.REDIS_PREFIX,
    alertLiveMessage('alert.updated', alert),
  ).catch((err: unknown) =>
    req.log.warn({ err, alertId: alert.id }, 'unable to publish an alert change'),
  );
}

/** Acknowledges in the dashboard: the ladder stops; acknowledging twice says who did it first. */
export function acknowledge(deps: Deps): RouteHandler<'POST /api/alerts/:id/acknowledge'> {
  return async (req) => {
    const { id } = req.params;
    const actor = alertActor(req);
    const changed = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const row = await acknowledgeAlert(tx, id, actor, 'dashboard');
      return {
        result: row,
        audit: row
          ? {
              action: 'alert.acknowledged',
              subjectType: 'alert',
              subjectId: id,
              after: { via: 'dashboard' },
            }
          : [],
      };
    });
    if (!changed) {
      const alert = await getAlertDto(deps.database.pool, id);
      if (!alert) throw notFound('alert');
      const by = alert.acknowledgedBy?.name ?? alert.resolvedBy?.name ?? 'Someone';
      throw new HttpError(
        409,
        'already_acknowledged',
        `${by} has already acknowledged this alert.`,
      );
    }
    const alert = toAlertDto(changed);
    req.log.info({ alertId: id }, 'alert acknowledged');
    await announceAlert(deps, req, alert);
    return alert;
  };
}

export function resolve(deps: Deps): RouteHandler<'POST /api/alerts/:id/resolve'> {
  return async (req) => {
    const { id } = req.params;
    const { note } = req.body;
    const actor = alertActor(req);
    const changed = await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const row = await resolveAlert(tx, id, actor, note);
      return {
        result: row,
        // The note says what was done; it is the officer's words, kept in the alert, not here.
        audit: row ? { action: 'alert.resolved', subjectType: 'alert', subjectId: id } : [],
      };
    });
    if (!changed) {
      if (!(await getAlertDto(deps.database.pool, id))) throw notFound('alert');
      throw new HttpError(409, 'already_resolved', 'This alert is already resolved.');
    }
    const alert = toAlertDto(changed);
    req.log.info({ alertId: id }, 'alert resolved');
    await announceAlert(deps, req, alert);
    return alert;
  };
}
