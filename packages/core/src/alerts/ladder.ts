import { z } from 'zod';
import type { OnCall, OnCallRole } from './rota.ts';

/**
 * Who a step tells, as written in `barometer oncall import`: an address or webhook URL, or a role
 * of the rota resolved when the step fires (so a page follows the handover).
 */
const ROLE_TARGETS = ['oncall:primary', 'oncall:secondary', 'oncall:final'] as const;
type RoleTarget = (typeof ROLE_TARGETS)[number];
export type NotifyTarget =
  | `email:${string}`
  | `${'teams' | 'slack' | 'webhook'}:${string}`
  | RoleTarget;

const emailAddress = z.email();

function isNotifyTarget(value: string): value is NotifyTarget {
  if ((ROLE_TARGETS as readonly string[]).includes(value)) return true;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'email') return emailAddress.safeParse(rest).success;
  if (kind !== 'teams' && kind !== 'slack' && kind !== 'webhook') return false;
  if (!URL.canParse(rest) || /\s/.test(rest)) return false;
  const url = new URL(rest);
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
}

// A custom check rather than a transform: the same schema describes API responses, which are
// encoded, and a transform cannot be run backwards.
export const NotifyTarget = z.custom<NotifyTarget>(
  (v) => typeof v === 'string' && v.length <= 2048 && isNotifyTarget(v),
  'a target is email:ADDRESS, teams:URL, slack:URL, webhook:URL or oncall:primary|secondary|final',
);

export const EscalationStep = z.object({
  notify: z.array(NotifyTarget).min(1).max(20),
  /** How long this step waits for an acknowledgement before the next (or a re-notify). */
  escalateAfterSeconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

export const EscalationPolicy = z.object({ steps: z.array(EscalationStep).min(1).max(10) });
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Until an admin imports one: the primary, then the secondary, then the director on call. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  steps: [
    { notify: ['oncall:primary'], escalateAfterSeconds: 600 },
    { notify: ['oncall:secondary'], escalateAfterSeconds: 600 },
    { notify: ['oncall:final'], escalateAfterSeconds: 900 },
  ],
};

/**
 * One page: the k-th time the ladder tells someone. Pages 0..n-1 are the steps in order; after
 * the last step the ladder re-notifies that step, once per its wait, until someone acknowledges.
 */
export interface PagePlan {
  page: number;
  step: number;
  /** 0 the first time a step is told, 1.. for each re-notification of the last step. */
  repeat: number;
  at: Date;
}

export function planPage(policy: EscalationPolicy, startedAt: Date, page: number): PagePlan {
  const last = policy.steps.length - 1;
  let elapsed = 0;
  for (let k = 0; k < page; k++) elapsed += policy.steps[Math.min(k, last)]!.escalateAfterSeconds;
  return {
    page,
    step: Math.min(page, last),
    repeat: Math.max(0, page - last),
    at: new Date(startedAt.getTime() + elapsed * 1000),
  };
}

export type LadderSeverity = 'info' | 'alert' | 'page';

/**
 * The page to send after `pagesSent` pages, or null when the ladder is done: an acknowledged or
 * resolved alert stops it; an `alert` tells step 1 once; `info` is shown in the dashboard only;
 * a `page` climbs and then re-notifies the last step until acknowledged.
 */
export function nextPage(
  policy: EscalationPolicy,
  alert: {
    severity: LadderSeverity;
    status: 'open' | 'acknowledged' | 'resolved';
    startedAt: Date;
  },
  pagesSent: number,
): PagePlan | null {
  if (alert.status !== 'open') return null;
  if (alert.severity === 'info') return null;
  if (alert.severity === 'alert' && pagesSent >= 1) return null;
  return planPage(policy, alert.startedAt, pagesSent);
}

/** A target with the rota's roles resolved to people (or null: nobody holds that role now). */
export type ResolvedTarget =
  | { kind: 'email'; address: string }
  | { kind: 'teams' | 'slack' | 'webhook'; url: string }
  | { kind: 'user'; userId: number; role: OnCallRole };

export function resolveTarget(target: NotifyTarget, onCall: OnCall): ResolvedTarget | null {
  if (target.startsWith('oncall:')) {
    const role = target.slice('oncall:'.length) as OnCallRole;
    const userId = onCall[role];
    return userId === null ? null : { kind: 'user', userId, role };
  }
  const colon = target.indexOf(':');
  const kind = target.slice(0, colon);
  const rest = target.slice(colon + 1);
  if (kind === 'email') return { kind: 'email', address: rest };
  return { kind: kind as 'teams' | 'slack' | 'webhook', url: rest };
}

/**
 * The key of one delivery: alert, page and target. The outbox holds it unique, so a page
 * planned twice (a job run twice, a timer rebuilt after Redis lost it) is sent once.
 */
export function deliveryKey(alertId: number, page: number, target: ResolvedTarget): string {
  const who =
    target.kind === 'email'
      ? `email:${target.address.toLowerCase()}`
      : target.kind === 'user'
        ? `user:${target.userId}`
        : `${target.kind}:${target.url}`;
  return `${alertId}/${page}/${who}`;
}
