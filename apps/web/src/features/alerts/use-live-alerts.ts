import type { AlertDto, AlertPage } from '@barometer/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../lib/query-keys.ts';
import { useLiveStore } from '../inbox/live-context.tsx';
import { mergeAlert } from './alert-view.ts';

/** Shows a browser notification for a new page, if the person allowed them. */
function notifyBrowser(alert: AlertDto): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (alert.severity !== 'page' || alert.status !== 'open') return;
  // Held by its rule's hours: nobody is being paged yet.
  if (alert.nextPageAt && Date.parse(alert.nextPageAt) > Date.now() + 60_000) return;
  const note = new Notification(`Barometer: ${alert.title}`, {
    body: alert.why,
    tag: `alert-${alert.id}`,
  });
  note.onclick = () => {
    window.focus();
    window.location.assign(`/alerts/${alert.id}`);
  };
}

/**
 * Keeps every alert query current from the live socket: each alert.raised/updated replaces the
 * alert in the cached lists and refreshes its timeline. Mounted once, in the app shell.
 */
export function useLiveAlerts(): void {
  const live = useLiveStore();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      live.onMessage((message) => {
        if (message.type !== 'alert.raised' && message.type !== 'alert.updated') return;
        const { alert } = message;
        for (const status of ['active', 'all'] as const) {
          queryClient.setQueryData<AlertPage>(queryKeys.alerts.list(status), (old) =>
            old
              ? {
                  ...old,
                  items: mergeAlert(old.items, alert).filter(
                    (a) => status === 'all' || a.status !== 'resolved',
                  ),
                }
              : old,
          );
        }
        void queryClient.invalidateQueries({ queryKey: queryKeys.alerts.detail(alert.id) });
        if (message.type === 'alert.raised') notifyBrowser(alert);
      }),
    [live, queryClient],
  );
}
