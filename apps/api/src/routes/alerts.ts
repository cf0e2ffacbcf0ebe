import { publishLive } from '@barometer/bus';
import { type AlertDto, AlertListQuery, IdParams, ResolveAlertBody } from '@barometer/core';
import {
  acknowledgeAlert,
  getAlertDetail,
  getAlertDto,
  listAlerts,
  resolveAlert,
  toAlertDto,
  withTransaction,
} from '@barometer/db';
import { alertLiveMessage } from '@barometer/notify';
import type { FastifyRequest } from 'fastify';
import { alertActor } from '../alerts/actor.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError, notFound, validate } from '../http-error.ts';

export function list(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const query = validate(AlertListQuery, req.query, 'query');
    return listAlerts(deps.database.pool, query);
  };
}

export function show(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const alert = await getAlertDetail(deps.database.pool, id);
    if (!alert) throw notFound(`alert ${id}`);
    return alert;
  };
}

async function publish(
  deps: Pick<ApiDeps, 'redis' | 'config'>,
  req: FastifyRequest,
  alert: AlertDto,
) {
  await publishLive(
    deps.redis,
    deps.config.REDIS_PREFIX,
    alertLiveMessage('alert.updated', alert),
  ).catch((err: unknown) =>
    req.log.warn({ err, alertId: alert.id }, 'unable to publish an alert change'),
  );
}

/** Acknowledges in the dashboard: the ladder stops; acknowledging twice says who did it first. */
export function acknowledge(deps: Pick<ApiDeps, 'database' | 'redis' | 'config'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const actor = alertActor(req);
    const changed = await withTransaction(deps.database.pool, (tx) =>
      acknowledgeAlert(tx, id, actor, 'dashboard'),
    );
    if (!changed) {
      const alert = await getAlertDto(deps.database.pool, id);
      if (!alert) throw notFound(`alert ${id}`);
      const by = alert.acknowledgedBy?.name ?? alert.resolvedBy?.name ?? 'someone';
      throw new HttpError(
        409,
        'already_acknowledged',
        `${by} has already acknowledged this alert.`,
      );
    }
    const alert = toAlertDto(changed);
    req.log.info({ alertId: id }, 'alert acknowledged');
    await publish(deps, req, alert);
    return alert;
  };
}

export function resolve(deps: Pick<ApiDeps, 'database' | 'redis' | 'config'>) {
  return async (req: FastifyRequest) => {
    const { id } = validate(IdParams, req.params, 'path');
    const { note } = validate(ResolveAlertBody, req.body, 'body');
    const actor = alertActor(req);
    const changed = await withTransaction(deps.database.pool, (tx) =>
      resolveAlert(tx, id, actor, note),
    );
    if (!changed) {
      if (!(await getAlertDto(deps.database.pool, id))) throw notFound(`alert ${id}`);
      throw new HttpError(409, 'already_resolved', 'This alert is already resolved.');
    }
    const alert = toAlertDto(changed);
    req.log.info({ alertId: id }, 'alert resolved');
    await publish(deps, req, alert);
    return alert;
  };
}
