import { AuditPage } from '@barometer/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import type { AuditFilterQuery } from './audit-filters.ts';

const PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time: "Show older" asks for the next cursor. */
export function useAudit(query: AuditFilterQuery) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit.list(query),
    queryFn: ({ signal, pageParam }) =>
      api.request('/api/audit', AuditPage, {
        signal,
        query: { ...query, cursor: pageParam, limit: PAGE_SIZE },
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Changing a filter keeps the old rows (and the action list) until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
