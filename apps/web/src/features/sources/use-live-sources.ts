import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../lib/query-keys.ts';
import { useLiveStore } from '../inbox/live-context.tsx';

/**
 * Refreshes the sources list when someone changes or deletes a source (another admin, or the
 * worker after a poll), so two people on this page see each other's changes.
 */
export function useLiveSources() {
  const live = useLiveStore();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.onMessage((message) => {
        if (message.type !== 'source.updated' && message.type !== 'source.deleted') return;
        void queryClient.invalidateQueries({ queryKey: queryKeys.sources.list() });
        void queryClient.invalidateQueries({ queryKey: queryKeys.sources.deletions() });
      }),
    [live, queryClient],
  );
}
