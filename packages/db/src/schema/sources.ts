import type { SourceKind, SourceStatus } from '@barometer/core';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const sources = pgTable(
  'sources',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<SourceKind>().notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Social kinds: what to read (a #hashtag, search words, r/sub words, channel:UC…). */
    query: text('query'),
    /** Where the last poll stopped (the newest id seen), in the connector's own format. */
    pollCursor: text('poll_cursor'),
    isQueryFeed: boolean('is_query_feed').notNull().default(false),
    pollIntervalSeconds: integer('poll_interval_seconds').notNull().default(300),
    enabled: boolean('enabled').notNull().default(true),
    status: text('status').$type<SourceStatus>().notNull().default('pending'),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorCode: text('last_error_code'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    etag: text('etag'),
    lastModified: text('last_modified'),
    contentHash: text('content_hash'),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sources_due_idx').on(t.nextPollAt).where(sql`${t.enabled} and ${t.status} <> 'gone'`),
  ],
);
