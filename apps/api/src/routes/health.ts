import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';

/** A readiness probe answers within this, whatever the stores do. */
const CHECK_TIMEOUT_MS = 2000;

/** What readiness says about one store: no addresses, no driver messages (callers are anonymous). */
export type StoreState = 'ok' | 'not answering';

async function answersWithin(run: () => Promise<unknown>, ms: number): Promise<StoreState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StoreState>((resolve) => {
    timer = setTimeout(() => resolve('not answering'), ms);
  });
  const answered = run().then(
    () => 'ok' as const,
    () => 'not answering' as const,
  );
  const state = await Promise.race([answered, timeout]);
  clearTimeout(timer);
  return state;
}

export function liveness(): RouteHandler<'GET /api/health'> {
  return async () => ({ status: 'ok' as const });
}

/**
 * Ready when both stores answer a real query within the deadline; a load balancer stops routing
 * here otherwise. The body says which store is at fault in plain words, and nothing more.
 */
export function readiness(
  deps: Pick<ApiDeps, 'database' | 'redis'>,
  timeoutMs: number = CHECK_TIMEOUT_MS,
): RouteHandler<'GET /api/ready'> {
  return async (req, reply) => {
    const [postgres, redis] = await Promise.all([
      answersWithin(() => deps.database.pool.query('select 1'), timeoutMs),
      answersWithin(() => deps.redis.ping(), timeoutMs),
    ]);
    const ready = postgres === 'ok' && redis === 'ok';
    if (!ready) req.log.warn({ postgres, redis }, 'not ready: a store is not answering');
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'unavailable',
      postgres: postgres === 'ok' ? 'ok' : 'database not answering',
      redis: redis === 'ok' ? 'ok' : 'queue store not answering',
    });
  };
}
