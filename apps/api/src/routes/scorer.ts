import { SCORER_VERSION } from '@barometer/core';
import { readScorerStatus } from '@barometer/db';
import type { ApiDeps } from '../deps.ts';

/** How far the re-scoring backfill has gone: mentions on the current scorer out of all. */
export function status(deps: Pick<ApiDeps, 'database'>) {
  return async () => readScorerStatus(deps.database.pool, SCORER_VERSION);
}
