import { type OnCallSettings, onCallAt, type Rota, type RotaPerson } from '@barometer/core';
import {
  auditedAction,
  listRotaPeople,
  loadAlertRules,
  loadEscalationPolicy,
  loadRota,
  replaceAlertRules,
  replaceEscalationPolicy,
  replaceRota,
} from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import { actorOf } from '../plugins/auth.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database'>;

export function rules(deps: Deps): RouteHandler<'GET /api/alerts/rules'> {
  return async () => ({ rules: await loadAlertRules(deps.database.pool) });
}

export function replaceRules(deps: Deps): RouteHandler<'PUT /api/alerts/rules'> {
  return async (req) => {
    const { rules: next } = req.body;
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const before = await loadAlertRules(tx);
      await replaceAlertRules(tx, next);
      return {
        result: null,
        audit: {
          action: 'alert-rules.replaced',
          subjectType: 'alert-rules',
          subjectId: null,
          before,
          after: next,
        },
      };
    });
    req.log.info({ rules: next.length }, 'alert rules replaced');
    return { rules: await loadAlertRules(deps.database.pool) };
  };
}

async function settings(deps: Deps): Promise<OnCallSettings> {
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

export function oncall(deps: Deps): RouteHandler<'GET /api/oncall'> {
  return async () => settings(deps);
}

/** Every person on the rota must be a user who can still sign in, or the page reaches nobody. */
async function checkRota(deps: Deps, rota: Rota): Promise<void> {
  if (new Set(rota.rotations.map((r) => r.role)).size !== rota.rotations.length) {
    throw new HttpError(
      400,
      'duplicate_role',
      'Each role (primary, secondary, director) has one rotation.',
    );
  }
  const ids = [
    ...new Set([
      ...rota.rotations.flatMap((r) => r.members),
      ...rota.overrides.map((o) => o.userId),
    ]),
  ];
  const known = new Set((await listRotaPeople(deps.database.pool, ids)).map((p) => p.id));
  if (ids.some((id) => !known.has(id))) {
    throw new HttpError(
      400,
      'unknown_people',
      'Someone on this rota can no longer sign in. Reload and try again.',
    );
  }
}

export function replaceOnCallRota(deps: Deps): RouteHandler<'PUT /api/oncall/rota'> {
  return async (req) => {
    const rota = req.body;
    await checkRota(deps, rota);
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const before = await loadRota(tx);
      await replaceRota(tx, rota);
      return {
        result: null,
        audit: {
          action: 'oncall-rota.replaced',
          subjectType: 'oncall-rota',
          subjectId: null,
          before,
          after: rota,
        },
      };
    });
    req.log.info(
      { rotations: rota.rotations.length, overrides: rota.overrides.length },
      'rota replaced',
    );
    return settings(deps);
  };
}

export function replacePolicy(deps: Deps): RouteHandler<'PUT /api/oncall/policy'> {
  return async (req) => {
    const policy = req.body;
    await auditedAction(deps.database.pool, actorOf(req), async (tx) => {
      const before = await loadEscalationPolicy(tx);
      await replaceEscalationPolicy(tx, policy);
      // Targets are addresses and webhook URLs (bearer secrets): the audit keeps their kinds only.
      const kinds = (p: typeof policy) =>
        p.steps.map((s) => ({
          notify: s.notify.map((t) => t.split(':')[0]),
          wait: s.escalateAfterSeconds,
        }));
      return {
        result: null,
        audit: {
          action: 'escalation-ladder.replaced',
          subjectType: 'escalation-ladder',
          subjectId: null,
          before: kinds(before),
          after: kinds(policy),
        },
      };
    });
    req.log.info({ steps: policy.steps.length }, 'escalation ladder replaced');
    return settings(deps);
  };
}
