import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer in time`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function check(run: () => Promise<unknown>, what: string): Promise<string> {
  try {
    await withTimeout(run(), what);
    return 'ok';
  } catch (error) {
    return `unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function liveness(): RouteHandler<'GET /api/health'> {
  return async () => ({ status: 'ok' as const });
}

/** Ready when both stores answer; a load balancer stops routing here otherwise. */
export function readiness(
  deps: Pick<ApiDeps, 'database' | 'redis'>,
): RouteHandler<'GET /api/ready'> {
  return async (_req, reply) => {
    const [postgres, redis] = await Promise.all([
      check(() => deps.database.pool.query('select 1'), 'postgres'),
      check(() => deps.redis.ping(), 'redis'),
    ]);
    const ready = postgres === 'ok' && redis === 'ok';
    return reply
      .status(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'unavailable', postgres, redis });
  };
}
