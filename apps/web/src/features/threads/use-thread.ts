import { ThreadDto } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** `GET /api/mentions/:id/thread`, asked for only when the officer opens the conversation. */
export function useThread(mentionId: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.threads.detail(mentionId),
    queryFn: ({ signal }) =>
      api.request(`/api/mentions/${mentionId}/thread`, ThreadDto, { signal }),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}
