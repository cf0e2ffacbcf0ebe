import { type IssueTriageBody, IssueTriageResult } from '@barometer/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** Acknowledge, mark as known, or dismiss an issue; the list reloads once the API agrees. */
export function useIssueTriage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: IssueTriageBody }) =>
      api.request(`/api/issues/${id}/triage`, IssueTriageResult, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.issues.all }),
  });
}
