import type { AuditFilterQuery } from '../features/admin/audit/audit-filters.ts';
import type { MentionFilters } from '../features/inbox/mention-filter.ts';

/**
 * Every TanStack Query key in the app, in one table. A key names the entity first and then every
 * parameter the query depends on, so invalidating `queryKeys.sources.all` reaches every variant.
 */
export const queryKeys = {
  mentions: {
    all: ['mentions'] as const,
    list: (filters: MentionFilters) => ['mentions', 'list', filters] as const,
    one: (id: number) => ['mentions', 'one', id] as const,
  },
  reports: {
    all: ['reports'] as const,
    weeks: () => ['reports', 'weeks'] as const,
    week: (week: string) => ['reports', 'week', week] as const,
  },
  sources: {
    all: ['sources'] as const,
    list: () => ['sources', 'list'] as const,
    presets: () => ['sources', 'presets'] as const,
    deletions: () => ['sources', 'deletion'] as const,
    deletion: (id: number) => ['sources', 'deletion', id] as const,
  },
  users: {
    all: ['users'] as const,
    list: () => ['users', 'list'] as const,
  },
  audit: {
    all: ['audit'] as const,
    list: (query: AuditFilterQuery) => ['audit', 'list', query] as const,
  },
  session: {
    current: () => ['session'] as const,
    providers: () => ['session', 'providers'] as const,
    invitation: (token: string) => ['session', 'invitation', token] as const,
  },
  issues: {
    all: ['issues'] as const,
    list: () => ['issues', 'list'] as const,
  },
  threads: {
    all: ['threads'] as const,
    detail: (mentionId: number) => ['threads', 'detail', mentionId] as const,
  },
  scorer: {
    status: () => ['scorer', 'status'] as const,
  },
  alerts: {
    all: ['alerts'] as const,
    list: (status: string) => ['alerts', 'list', status] as const,
    detail: (id: number) => ['alerts', 'detail', id] as const,
    rules: () => ['alerts', 'rules'] as const,
    oncall: () => ['alerts', 'oncall'] as const,
  },
} as const;
