import { SourceDeletion } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** What deleting a source would remove (its mentions), read fresh each time the dialog opens. */
export function useSourceDeletion(id: number | null) {
  return useQuery({
    queryKey: queryKeys.sources.deletion(id ?? 0),
    queryFn: ({ signal }) => api.request(`/api/sources/${id}/deletion`, SourceDeletion, { signal }),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
