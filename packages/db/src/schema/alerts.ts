import type {
  AlertEventKind,
  AlertRule,
  AlertSeverity,
  AlertStatus,
  AlertSubject,
  EscalationPolicy,
  OnCallRole,
} from '@barometer/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** The rule table admins edit; empty means the defaults in core (DEFAULT_ALERT_RULES). */
export const alertRules = pgTable('alert_rules', {
  key: text('key').primaryKey(),
  position: integer('position').notNull(),
  /** The rule as core's AlertRule schema reads it (validated on every read). */
  definition: jsonb('definition').$type<AlertRule>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The escalation ladder: step 1, 2, 3... (`barometer oncall import` replaces it whole). */
export const escalationSteps = pgTable('escalation_steps', {
  position: integer('position').primaryKey(),
  notify: text('notify').array().notNull(),
  escalateAfterSeconds: integer('escalate_after_seconds').notNull(),
});

/** One weekly rotation per on-call role. */
export const oncallRotations = pgTable('oncall_rotations', {
  role: text('role').$type<OnCallRole>().primaryKey(),
  members: bigint('members', { mode: 'number' }).array().notNull(),
  handoverWeekday: integer('handover_weekday').notNull(),
  handoverTime: text('handover_time').notNull(),
  startsOn: text('starts_on').notNull(),
  periodWeeks: integer('period_weeks').notNull().default(1),
});

export const oncallOverrides = pgTable('oncall_overrides', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  role: text('role').$type<OnCallRole>().notNull(),
  userId: bigint('user_id', { mode: 'number' })
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ruleKey: text('rule_key').notNull(),
    severity: text('severity').$type<AlertSeverity>().notNull(),
    status: text('status').$type<AlertStatus>().notNull().default('open'),
    groupKey: text('group_key').notNull(),
    /** Redacted, one-line texts: what every message and screen shows. */
    title: text('title').notNull(),
    why: text('why').notNull(),
    excerpt: text('excerpt'),
    subject: jsonb('subject').$type<AlertSubject>().notNull(),
    /** Channels of the rule when it fired. */
    channels: text('channels').array().notNull(),
    /** The ladder when it fired: later edits never reshuffle a ladder already climbing. */
    policy: jsonb('policy').$type<EscalationPolicy>().notNull(),
    count: integer('count').notNull().default(1),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignalAt: timestamp('last_signal_at', { withTimezone: true }).notNull().defaultNow(),
    notifyFrom: timestamp('notify_from', { withTimezone: true }).notNull(),
    pagesSent: integer('pages_sent').notNull().default(0),
    /** The timer the reconciler rebuilds: when page `pages_sent` is due; null when done. */
    nextPageAt: timestamp('next_page_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: bigint('acknowledged_by', { mode: 'number' }).references(() => users.id),
    acknowledgedByName: text('acknowledged_by_name'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => users.id),
    resolvedByName: text('resolved_by_name'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    index('alerts_group_idx')
      .on(t.ruleKey, t.groupKey, t.lastSignalAt)
      .where(sql`${t.status} <> 'resolved'`),
    index('alerts_timers_idx').on(t.nextPageAt).where(sql`${t.nextPageAt} is not null`),
    index('alerts_status_idx').on(t.status, t.id),
  ],
);

/** Each signal counted once per rule (a job run twice, a sweep seeing what ingest saw). */
export const alertSignals = pgTable(
  'alert_signals',
  {
    ruleKey: text('rule_key').notNull(),
    signalKey: text('signal_key').notNull(),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ruleKey, t.signalKey] })],
);

/** The timeline: raised, grouped, held, sent, delivered, failed, escalated, acknowledged... */
export const alertEvents = pgTable(
  'alert_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').$type<AlertEventKind>().notNull(),
    detail: text('detail').notNull(),
    actor: text('actor'),
  },
  (t) => [index('alert_events_alert_idx').on(t.alertId, t.id)],
);

export type DeliveryChannel = 'email' | 'teams' | 'slack' | 'webhook';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * The outbox: one row per message to one target, unique on its key, so a page planned twice is
 * sent once. `sending` is a claim that expires, so a worker killed mid-send is taken over.
 */
export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    alertId: bigint('alert_id', { mode: 'number' })
      .notNull()
      .references(() => alerts.id, { onDelete: 'cascade' }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    page: integer('page').notNull(),
    step: integer('step').notNull(),
    repeat: integer('repeat').notNull(),
    channel: text('channel').$type<DeliveryChannel>().notNull(),
    /** E-mail address or webhook URL (a bearer secret: never logged, never sent to browsers). */
    target: text('target').notNull(),
    /** Who it is for, when the target came from the rota. */
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    label: text('label').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('alert_deliveries_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

/** One acknowledgement link per delivery; `used_at` makes it single-use. */
export const alertAckTokens = pgTable('alert_ack_tokens', {
  nonce: text('nonce').primaryKey(),
  alertId: bigint('alert_id', { mode: 'number' })
    .notNull()
    .references(() => alerts.id, { onDelete: 'cascade' }),
  deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => alertDeliveries.id, {
    onDelete: 'cascade',
  }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
