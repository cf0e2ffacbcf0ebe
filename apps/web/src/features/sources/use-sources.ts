import { SourceDto } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { itemsOf } from '../../lib/items-schema.ts';
import { queryKeys } from '../../lib/query-keys.ts';

const SourceList = itemsOf(SourceDto);

/** Sources with their health; refreshed every 30 s so failures and next polls stay current. */
export function useSources() {
  return useQuery({
    queryKey: queryKeys.sources.list(),
    queryFn: ({ signal }) => api.request('/api/sources', SourceList, { signal }),
    select: (data) => data.items,
    refetchInterval: 30_000,
  });
}
