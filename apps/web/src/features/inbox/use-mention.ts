import { MentionDto } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** One mention by id (null: nothing to fetch), for links that open a mention directly. */
export function useMention(id: number | null) {
  return useQuery({
    queryKey: queryKeys.mentions.one(id ?? 0),
    queryFn: ({ signal }) => api.request(`/api/mentions/${id}`, MentionDto, { signal }),
    enabled: id !== null,
  });
}
