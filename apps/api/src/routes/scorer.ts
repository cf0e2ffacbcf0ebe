import { SCORER_VERSION } from '@barometer/core';
import { readScorerStatus } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';
import type { RouteHandler } from '../route-table.ts';

/** How far the re-scoring backfill has gone: mentions on the current scorer out of all. */
export function status(deps: Pick<ApiDeps, 'database'>): RouteHandler<'GET /api/scorer/status'> {
  return async () => readScorerStatus(deps.database.pool, SCORER_VERSION);
}
