import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only: every change a person makes, written in the same transaction as the change. A
 * trigger (migration 0003) refuses UPDATE, DELETE and TRUNCATE, even for the superuser the
 * default setup connects as.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system itself (retention, a scheduled job) or an unknown person (failed sign-in). */
    actorUserId: bigint('actor_user_id', { mode: 'number' }),
    /** Who, in words that survive the user's deletion: their e-mail, or "system". */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    address: text('address'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_subject_idx')
      .on(t.subjectType, t.subjectId)
      .where(sql`${t.subjectId} is not null`),
  ],
);
