import type { SourceKind } from '@barometer/core';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

/**
 * A source's credential (token, app password, client secret, key), sealed with AES-256-GCM under
 * BAROMETER_SECRET_KEY and bound to its source id. Never read by the API for a response: it only
 * says whether one is set.
 */
export const sourceCredentials = pgTable('source_credentials', {
  sourceId: bigint('source_id', { mode: 'number' })
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  sealed: text('sealed').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where each long-lived stream consumer got to, and how it is doing. */
export const streamCursors = pgTable('stream_cursors', {
  sourceId: bigint('source_id', { mode: 'number' })
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  cursor: text('cursor'),
  status: text('status').$type<'connected' | 'reconnecting'>(),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** API quota spent per source per quota day (YouTube's day ends at midnight Pacific). */
export const quotaUsage = pgTable(
  'quota_usage',
  {
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    units: integer('units').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.day] })],
);

/** One conversation per (source, root): its figures, kept up to date as replies arrive. */
export const threads = pgTable(
  'threads',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    platform: text('platform').$type<SourceKind>().notNull(),
    rootExternalId: text('root_external_id').notNull(),
    posts: integer('posts').notNull(),
    participants: integer('participants').notNull(),
    positive: integer('positive').notNull(),
    neutral: integer('neutral').notNull(),
    negative: integer('negative').notNull(),
    negativeShare: real('negative_share').notNull(),
    trustReplied: boolean('trust_replied').notNull().default(false),
    firstActivity: timestamp('first_activity', { withTimezone: true }),
    lastActivity: timestamp('last_activity', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('threads_source_root_uq').on(t.sourceId, t.rootExternalId),
    index('threads_last_activity_idx').on(t.lastActivity),
  ],
);
