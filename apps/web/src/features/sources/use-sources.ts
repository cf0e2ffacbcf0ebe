import { SourceListResponse } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

function useSourceList<T>(select: (data: SourceListResponse) => T) {
  return useQuery({
    queryKey: queryKeys.sources.list(),
    queryFn: ({ signal }) => api.request('/api/sources', SourceListResponse, { signal }),
    select,
    refetchInterval: 30_000,
  });
}

/** Sources with their health; refreshed every 30 s so failures and next polls stay current. */
export function useSources() {
  return useSourceList((data) => data.items);
}

/** Whether the sources are being polled at all (the same request as `useSources`). */
export function usePipelineHealth() {
  return useSourceList((data) => data.pipeline);
}
