/**
 * How long a sign-in lasts: it ends after `idleMinutes` without a request, and after
 * `absoluteHours` whatever happens, so a browser left signed in on a shared ward PC ends its shift.
 */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 60, absoluteHours: 12 };

export type SessionState = 'valid' | 'idle' | 'expired' | 'revoked' | 'disabled';

export function sessionState(
  session: {
    lastSeenAt: Date;
    expiresAt: Date;
    revokedAt: Date | null;
    userDisabledAt: Date | null;
  },
  now: Date,
  policy: SessionPolicy,
): SessionState {
  if (session.revokedAt) return 'revoked';
  if (session.userDisabledAt) return 'disabled';
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleMinutes * 60_000) return 'idle';
  return 'valid';
}

export function sessionExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * 3_600_000);
}

/** Writing last_seen_at on every request is wasted I/O: once a minute keeps idle timing exact enough. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
}

/** The one-time link an admin hands out (the dashboard's /invitation/<token> page). */
export function invitationUrl(base: string, token: string): string {
  return new URL(`/invitation/${token}`, base).toString();
}
