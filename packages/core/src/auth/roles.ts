import { z } from 'zod';

export const ROLES = ['officer', 'manager', 'oncall', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Everything a person can do, each one named once. Routes, the live socket and the dashboard all
 * ask `can(roles, permission)`; nothing checks a role by name.
 */
export const PERMISSIONS = [
  'mentions.read',
  /** Patient-identifying text as written; everyone else reads the redacted copy. */
  'mentions.read-raw',
  'sources.read',
  'sources.write',
  'sources.delete',
  'sources.poll',
  /** Set or replace a source's token, key or app password (never read back). */
  'sources.credentials',
  'scorer.read',
  /** Acknowledge an emerging issue, mark it as known, or dismiss it as noise. */
  'issues.triage',
  'users.read',
  'users.write',
  'audit.read',
  'docs.read',
  /** The weekly barometer: figures, charts and exports (redacted). */
  'reports.read',
  /** Replace a stored week's report with a fresh count (audited). */
  'reports.rebuild',
  /** Remove one person's mentions everywhere (UK GDPR erasure). */
  'mentions.erase',
  /** See alerts and their timelines (redacted text only). */
  'alerts.read',
  /** Acknowledge or resolve an alert. */
  'alerts.acknowledge',
  /** Edit the alert rules, the on-call rota and the escalation ladder. */
  'alerts.configure',
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

/**
 * Role -> what it may do, readable on one screen. Officers triage and see patient details because
 * they answer the person; managers read figures and the redacted text; on-call staff read what
 * they are paged about, redacted; admins run the deployment.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  officer: [
    'mentions.read',
    'mentions.read-raw',
    'sources.read',
    'sources.poll',
    'scorer.read',
    'issues.triage',
    'alerts.read',
    'alerts.acknowledge',
  ],
  manager: [
    'mentions.read',
    'sources.read',
    'scorer.read',
    'reports.read',
    'alerts.read',
    'alerts.acknowledge',
  ],
  oncall: ['mentions.read', 'sources.read', 'issues.triage', 'alerts.read', 'alerts.acknowledge'],
  // Admins run the deployment: everything, including what is added later.
  admin: PERMISSIONS,
};

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Where a live event may go: every holder of a role, or one person. */
export type LiveRoom = `role:${Role}` | `user:${number}`;
const LIVE_ROOM_PATTERN = new RegExp(`^(role:(${ROLES.join('|')})|user:\\d+)$`);
export const LiveRoom = z.custom<LiveRoom>(
  (v) => typeof v === 'string' && LIVE_ROOM_PATTERN.test(v),
  'a room is role:<role> or user:<id>',
);

export function roomsFor(permission: Permission): LiveRoom[] {
  return rolesWith(permission).map((role) => `role:${role}` as const);
}

export function roomsOf(user: { id: number; roles: readonly Role[] }): LiveRoom[] {
  return [`user:${user.id}`, ...user.roles.map((role) => `role:${role}` as const)];
}
