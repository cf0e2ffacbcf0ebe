import { useSyncExternalStore } from 'react';

/** Every page of the app, in one table: path -> page id. */
export const ROUTES = {
  '/': 'inbox',
  '/issues': 'issues',
  '/sources': 'sources',
  '/admin/users': 'users',
  '/admin/audit': 'audit',
  '/reports': 'barometer',
  '/alerts': 'alerts',
} as const;
export type Page = (typeof ROUTES)[keyof typeof ROUTES] | 'not-found';

/** The one-time link an admin hands out: /invitation/<token>. */
export function invitationToken(pathname: string): string | null {
  const match = pathname.match(/^\/invitation\/([A-Za-z0-9_-]{20,200})\/?$/);
  return match ? match[1]! : null;
}

export function pageFor(pathname: string): Page {
  const path = pathname.replace(/\/+$/, '') || '/';
  // The alerts page owns its sub-paths (an alert, the rules, the rota).
  if (path.startsWith('/alerts/')) return 'alerts';
  return path in ROUTES ? ROUTES[path as keyof typeof ROUTES] : 'not-found';
}

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
};

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Client-side navigation (the API serves the app shell for every non-API path). */
export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
