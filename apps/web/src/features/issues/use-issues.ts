import { IssueList } from '@barometer/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { useLiveState } from '../inbox/live-context.tsx';

/**
 * Open emerging issues and escalating conversations. The detector runs every minute; a live
 * issue or escalation event reloads the list at once.
 */
export function useIssues() {
  const queryClient = useQueryClient();
  const { detectionCount } = useLiveState();
  useEffect(() => {
    if (detectionCount > 0) void queryClient.invalidateQueries({ queryKey: queryKeys.issues.all });
  }, [detectionCount, queryClient]);
  return useQuery({
    queryKey: queryKeys.issues.list(),
    queryFn: ({ signal }) => api.request('/api/issues', IssueList, { signal }),
    refetchInterval: 60_000,
  });
}
