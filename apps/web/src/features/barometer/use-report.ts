import { ReportWeekList, ReportWeekResponse } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** The weeks a manager can open, newest first. */
export function useReportWeeks() {
  return useQuery({
    queryKey: queryKeys.reports.weeks(),
    queryFn: ({ signal }) => api.request('/api/reports/weeks', ReportWeekList, { signal }),
    select: (data) => data.weeks,
  });
}

/** One week's barometer; the week in progress refreshes every five minutes. */
export function useWeeklyReport(week: string | null) {
  return useQuery({
    queryKey: queryKeys.reports.week(week ?? ''),
    queryFn: ({ signal }) =>
      api.request(`/api/reports/weeks/${week}`, ReportWeekResponse, { signal }),
    enabled: week !== null,
    refetchInterval: (query) => (query.state.data?.inProgress ? 300_000 : false),
  });
}
