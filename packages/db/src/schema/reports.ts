import type { WeeklyReport } from '@barometer/core';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

/**
 * One stored barometer per week, built on Monday morning and then left alone, so last month's
 * report does not change when mentions are re-scored. Aggregates and mention ids only: no text.
 */
export const reportSnapshots = pgTable('report_snapshots', {
  week: text('week').primaryKey(),
  from: timestamp('from', { withTimezone: true }).notNull(),
  to: timestamp('to', { withTimezone: true }).notNull(),
  report: jsonb('report').$type<WeeklyReport>().notNull(),
  /** The mentions the figures were counted from, for "the mentions behind this number". */
  mentionIds: bigint('mention_ids', { mode: 'number' }).array().notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  /** Who asked for a rebuild; null for the Monday schedule. */
  builtBy: bigint('built_by', { mode: 'number' }),
  /** When the managers' e-mail went out: a retried job does not send it twice. */
  emailedAt: timestamp('emailed_at', { withTimezone: true }),
});

/** Stretches of time a source could not be read, for the report's coverage section. */
export const sourceOutages = pgTable(
  'source_outages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Null while the source is still down. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('source_outages_source_idx').on(t.sourceId, t.startedAt)],
);
