import { ScorerStatus } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api, isNotFound } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { isRescoring } from './scorer-progress.ts';

/** Polls every 5 s while a re-score runs, every minute otherwise (to notice a new version). */
export function useScorerStatus() {
  return useQuery({
    queryKey: queryKeys.scorer.status(),
    queryFn: ({ signal }) => api.request('/api/scorer/status', ScorerStatus, { signal }),
    refetchInterval: (query) => {
      if (isNotFound(query.state.error)) return false;
      return query.state.data && isRescoring(query.state.data) ? 5_000 : 60_000;
    },
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}
