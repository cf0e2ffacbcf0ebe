import { AuthProviders, InvitationInfo, SessionDto, type SignInBody } from '@barometer/core';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, isUnauthenticated } from '../../lib/api-client.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import { SESSION_ENDED_EVENT } from './session-events.ts';

/**
 * Swaps who is signed in. Everything cached belonged to the previous person (or to nobody), so it
 * goes; the session query itself is updated in place, so the page re-renders at once.
 */
function signedInAs(queryClient: QueryClient, session: SessionDto | null): void {
  queryClient.setQueryData(queryKeys.session.current(), session);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
}

const Nothing = { safeParse: () => ({ success: true as const, data: null }) };

/** Who is signed in; `null` when nobody is. Re-checked whenever the server says a session ended. */
export function useSession() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const ended = () =>
      void queryClient.invalidateQueries({ queryKey: queryKeys.session.current() });
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, [queryClient]);
  return useQuery({
    queryKey: queryKeys.session.current(),
    queryFn: async ({ signal }) => {
      try {
        return await api.request('/api/session', SessionDto, { signal });
      } catch (error) {
        if (isUnauthenticated(error)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    // Checking now and then keeps an idle dashboard honest about an expired sign-in.
    refetchInterval: 5 * 60_000,
  });
}

export function useAuthProviders() {
  return useQuery({
    queryKey: queryKeys.session.providers(),
    queryFn: ({ signal }) => api.request('/api/auth/providers', AuthProviders, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInBody) =>
      api.request('/api/session', SessionDto, { method: 'POST', body }),
    onSuccess: (session) => signedInAs(queryClient, session),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (scope: 'this' | 'all') =>
      api.request(scope === 'this' ? '/api/session' : '/api/sessions', Nothing, {
        method: 'DELETE',
      }),
    onSettled: () => signedInAs(queryClient, null),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: queryKeys.session.invitation(token),
    queryFn: ({ signal }) =>
      api.request(`/api/invitations/${encodeURIComponent(token)}`, InvitationInfo, { signal }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api.request(`/api/invitations/${encodeURIComponent(token)}`, SessionDto, {
        method: 'POST',
        body: { password },
      }),
    onSuccess: (session) => signedInAs(queryClient, session),
  });
}
