import {
  AlertRulesBody,
  EscalationPolicy,
  type OnCallSettings,
  onCallAt,
  Rota,
  type RotaPerson,
} from '@barometer/core';
import {
  listRotaPeople,
  loadAlertRules,
  loadEscalationPolicy,
  loadRota,
  replaceAlertRules,
  replaceEscalationPolicy,
  replaceRota,
  withTransaction,
} from '@barometer/db';
import type { FastifyRequest } from 'fastify';
import type { ApiDeps } from '../deps.ts';
import { HttpError, validate } from '../http-error.ts';

export function rules(deps: Pick<ApiDeps, 'database'>) {
  return async () => ({ rules: await loadAlertRules(deps.database.pool) });
}

export function replaceRules(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const body = validate(AlertRulesBody, req.body, 'body');
    await withTransaction(deps.database.pool, (tx) => replaceAlertRules(tx, body.rules));
    req.log.info({ rules: body.rules.length }, 'alert rules replaced');
    return { rules: await loadAlertRules(deps.database.pool) };
  };
}

async function settings(deps: Pick<ApiDeps, 'database'>): Promise<OnCallSettings> {
  const pool = deps.database.pool;
  const [rota, policy, people] = await Promise.all([
    loadRota(pool),
    loadEscalationPolicy(pool),
    listRotaPeople(pool),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const who = (id: number | null): RotaPerson | null =>
    id === null ? null : (byId.get(id) ?? null);
  const now = onCallAt(rota, new Date());
  return {
    rota,
    policy,
    people,
    now: { primary: who(now.primary), secondary: who(now.secondary), final: who(now.final) },
  };
}

export function oncall(deps: Pick<ApiDeps, 'database'>) {
  return async () => settings(deps);
}

/** Every person on the rota must be a user, or the page would reach nobody. */
async function checkPeople(deps: Pick<ApiDeps, 'database'>, rota: Rota): Promise<void> {
  const ids = [
    ...new Set([
      ...rota.rotations.flatMap((r) => r.members),
      ...rota.overrides.map((o) => o.userId),
    ]),
  ];
  const known = new Set((await listRotaPeople(deps.database.pool, ids)).map((p) => p.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    throw new HttpError(
      400,
      'unknown_people',
      'Someone on this rota is no longer a user. Reload and try again.',
    );
  }
}

export function replaceOnCallRota(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const rota = validate(Rota, req.body, 'body');
    if (new Set(rota.rotations.map((r) => r.role)).size !== rota.rotations.length) {
      throw new HttpError(
        400,
        'duplicate_role',
        'Each role (primary, secondary, final) has one rotation.',
      );
    }
    await checkPeople(deps, rota);
    await withTransaction(deps.database.pool, (tx) => replaceRota(tx, rota));
    req.log.info(
      { rotations: rota.rotations.length, overrides: rota.overrides.length },
      'rota replaced',
    );
    return settings(deps);
  };
}

export function replacePolicy(deps: Pick<ApiDeps, 'database'>) {
  return async (req: FastifyRequest) => {
    const policy = validate(EscalationPolicy, req.body, 'body');
    await withTransaction(deps.database.pool, (tx) => replaceEscalationPolicy(tx, policy));
    req.log.info({ steps: policy.steps.length }, 'escalation ladder replaced');
    return settings(deps);
  };
}
