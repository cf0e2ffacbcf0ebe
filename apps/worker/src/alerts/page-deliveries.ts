import { randomBytes } from 'node:crypto';
import {
  type AlertChannel,
  deliveryKey,
  type OnCall,
  type PagePlan,
  type ResolvedTarget,
  resolveTarget,
} from '@barometer/core';
import { type AlertRow, listRotaPeople, type PlannedDelivery, type Queryable } from '@barometer/db';

const CHANNEL_LABEL = {
  teams: 'the Teams channel',
  slack: 'the Slack channel',
  webhook: 'the paging webhook',
};

export interface PageDeliveries {
  deliveries: PlannedDelivery[];
  /** Targets that reached nobody: a rota role nobody holds, a channel the rule does not use. */
  skipped: string[];
}

/**
 * Who page `plan` tells, as outbox rows: the step's targets with rota roles resolved at `now`,
 * kept to the channels the rule allows. Webhook URLs never appear in labels (they are secrets).
 */
export async function pageDeliveries(
  q: Queryable,
  alert: AlertRow,
  plan: PagePlan,
  onCall: OnCall,
  ackExpiresAt: Date,
): Promise<PageDeliveries> {
  const step = alert.policy.steps[plan.step]!;
  const allowed = new Set(alert.channels as AlertChannel[]);
  const resolved = step.notify.map((t) => ({ target: t, to: resolveTarget(t, onCall) }));
  const userIds = resolved.flatMap(({ to }) => (to?.kind === 'user' ? [to.userId] : []));
  const people = new Map((await listRotaPeople(q, userIds)).map((p) => [p.id, p]));
  const out: PageDeliveries = { deliveries: [], skipped: [] };
  const add = (
    to: ResolvedTarget,
    d: Omit<PlannedDelivery, 'idempotencyKey' | 'ackNonce' | 'ackExpiresAt'>,
  ) => {
    out.deliveries.push({
      ...d,
      idempotencyKey: deliveryKey(alert.id, plan.page, to),
      ackNonce: randomBytes(18).toString('base64url'),
      ackExpiresAt,
    });
  };
  for (const { target, to } of resolved) {
    if (!to) {
      out.skipped.push(`nobody is ${target.slice('oncall:'.length)} on call`);
      continue;
    }
    if (to.kind === 'user') {
      const person = people.get(to.userId);
      if (!person) {
        out.skipped.push(`the ${to.role} on call is no longer a user`);
        continue;
      }
      if (allowed.has('email')) {
        add(to, {
          channel: 'email',
          target: person.email,
          userId: person.id,
          label: `${person.name} (${to.role})`,
        });
      }
      continue;
    }
    if (to.kind === 'email') {
      if (allowed.has('email'))
        add(to, { channel: 'email', target: to.address, userId: null, label: to.address });
      else out.skipped.push(`${to.address}: this rule does not e-mail`);
      continue;
    }
    if (allowed.has(to.kind)) {
      add(to, { channel: to.kind, target: to.url, userId: null, label: CHANNEL_LABEL[to.kind] });
    } else {
      out.skipped.push(`${CHANNEL_LABEL[to.kind]}: not a channel of this rule`);
    }
  }
  return out;
}
