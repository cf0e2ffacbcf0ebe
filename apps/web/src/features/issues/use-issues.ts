import { IssueDto } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { itemsOf } from '../../lib/items-schema.ts';
import { queryKeys } from '../../lib/query-keys.ts';

const IssueItems = itemsOf(IssueDto);

/** Open emerging issues; the detector runs every minute, so the page refreshes as often. */
export function useIssues() {
  return useQuery({
    queryKey: queryKeys.issues.list(),
    queryFn: ({ signal }) => api.request('/api/issues', IssueItems, { signal }),
    select: (data) => data.items,
    refetchInterval: 60_000,
  });
}
