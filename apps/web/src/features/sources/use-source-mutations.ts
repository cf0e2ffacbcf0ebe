import {
  DiscoveredFeed,
  type SourceCreateBody,
  SourceDto,
  SourcePreview,
  type SourcePreviewBody,
  type SourceUpdateBody,
} from '@barometer/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import { itemsOf } from '../../lib/items-schema.ts';
import { queryKeys } from '../../lib/query-keys.ts';

/** The form sends what the officer typed; the API validates it and answers with a clear error. */
export type SourceCreateInput = Partial<SourceCreateBody> & { name: string; url: string };

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SourceCreateInput) =>
      api.request('/api/sources', SourceDto, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sources.all }),
  });
}

export function useUpdateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SourceUpdateBody }) =>
      api.request(`/api/sources/${id}`, SourceDto, { method: 'PATCH', body }),
    onSuccess: (source) => {
      queryClient.setQueryData<{ items: SourceDto[] }>(queryKeys.sources.list(), (old) =>
        old ? { ...old, items: old.items.map((s) => (s.id === source.id ? source : s)) } : old,
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.sources.all });
    },
  });
}

/** Fetches the feed once, saving nothing: what adding it would bring. */
export function usePreviewSource() {
  return useMutation({
    mutationFn: (body: SourcePreviewBody) =>
      api.request('/api/sources/preview', SourcePreview, { method: 'POST', body }),
  });
}

const Nothing = { safeParse: () => ({ success: true as const, data: null }) };

/** Deletes a source and its mentions; `confirmMentions` is the count the person was shown. */
export function useDeleteSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmMentions }: { id: number; confirmMentions: number }) =>
      api.request(`/api/sources/${id}`, Nothing, {
        method: 'DELETE',
        query: { confirmMentions },
      }),
    onSuccess: (_, { id }) => {
      queryClient.setQueryData<{ items: SourceDto[] }>(queryKeys.sources.list(), (old) =>
        old ? { items: old.items.filter((s) => s.id !== id) } : old,
      );
      queryClient.removeQueries({ queryKey: queryKeys.sources.deletion(id) });
      // Its mentions are gone too.
      return queryClient.invalidateQueries({ queryKey: queryKeys.mentions.all });
    },
  });
}

const DiscoveredList = itemsOf(DiscoveredFeed);

export function useDiscoverFeeds() {
  return useMutation({
    mutationFn: (url: string) =>
      api.request('/api/sources/discover', DiscoveredList, { method: 'POST', body: { url } }),
  });
}

/** Makes the source due at once (`POST /api/sources/:id/poll`); the table refreshes with it. */
export function usePollSourceNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api.request(`/api/sources/${id}/poll`, SourceDto, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sources.all }),
  });
}

const NoContent = { safeParse: () => ({ success: true as const, data: null }) };

/** Sets a source's credential; it is never read back, the table only says "set". */
export function useSetSourceCredential() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, credential }: { id: number; credential: string }) =>
      api.request(`/api/sources/${id}/credential`, NoContent, {
        method: 'PUT',
        body: { credential },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sources.all }),
  });
}
