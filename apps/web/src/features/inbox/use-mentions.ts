import { MentionPage } from '@barometer/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { type MentionFilters, mentionListQuery } from './mention-filter.ts';

export const MENTION_PAGE_SIZE = 100;

/**
 * Pages of `GET /api/mentions`, newest first; older pages follow `nextCursor`. Freshness comes
 * from the live socket, so the pages are never refetched behind the officer's back.
 */
export function useMentions(filters: MentionFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.mentions.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.request('/api/mentions', MentionPage, {
        query: mentionListQuery(filters, { limit: MENTION_PAGE_SIZE, cursor: pageParam }),
        signal,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}
