import { InvitationDto, type UserCreateBody, UserDto, type UserUpdateBody } from '@barometer/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

/** Each change to a person also writes the audit log, so both lists are refreshed. */
function useRefreshPeople() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
}

export function useInviteUser() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (body: UserCreateBody) =>
      api.request('/api/users', InvitationDto, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateUser() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserUpdateBody }) =>
      api.request(`/api/users/${id}`, UserDto, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useRenewInvitation() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (id: number) =>
      api.request(`/api/users/${id}/invitation`, InvitationDto, { method: 'POST' }),
    onSuccess: refresh,
  });
}
