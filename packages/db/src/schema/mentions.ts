import type { RiskFlags, SentimentLabel } from '@barometer/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sources } from './sources.ts';

export const mentions = pgTable(
  'mentions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    sourceId: bigint('source_id', { mode: 'number' })
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    url: text('url'),
    author: text('author'),
    authorId: text('author_id'),
    title: text('title'),
    text: text('text').notNull(),
    html: text('html'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedRaw: text('published_raw'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Hash of the content fields: an edited item updates its row only when this changes. */
    contentHash: text('content_hash').notNull(),
    sentimentScore: real('sentiment_score').notNull(),
    sentimentLabel: text('sentiment_label').$type<SentimentLabel>().notNull(),
    sentimentConfidence: real('sentiment_confidence').notNull(),
    explanation: jsonb('explanation').$type<string[]>().notNull(),
    flags: jsonb('flags').$type<RiskFlags>().notNull(),
    flagEvidence: jsonb('flag_evidence').$type<Record<string, string[]>>().notNull(),
    topics: text('topics').array().notNull(),
    redactedText: text('redacted_text').notNull(),
    /** One sentence for officers: the flags first, then the label and the words behind it. */
    scoreSummary: text('score_summary').notNull().default(''),
    /** Character spans of `text` that drove the score, to highlight. */
    highlights: jsonb('highlights')
      .$type<{ start: number; end: number; label: string }[]>()
      .notNull()
      .default([]),
    scorerVersion: text('scorer_version').notNull(),
    parentExternalId: text('parent_external_id'),
    rootExternalId: text('root_external_id'),
    /** The platform deleted it: hidden everywhere, kept so a late edit cannot bring it back. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mentions_source_external_uq').on(t.sourceId, t.externalId),
    index('mentions_source_id_idx').on(t.sourceId, t.id),
    index('mentions_label_id_idx').on(t.sentimentLabel, t.id),
    index('mentions_topics_idx').using('gin', t.topics),
    index('mentions_scorer_version_idx').on(t.scorerVersion, t.id),
    index('mentions_fetched_at_idx').on(t.sourceId, t.fetchedAt),
    index('mentions_thread_idx').on(t.sourceId, t.rootExternalId),
    index('mentions_parent_idx').on(t.sourceId, t.parentExternalId),
    // The weekly report and the inbox's week filter read mentions by when they were said.
    index('mentions_said_at_idx').on(sql`coalesce(${t.publishedAt}, ${t.fetchedAt})`),
    // The inbox's "needs attention" lane: few rows, read on every dashboard load.
    index('mentions_urgent_idx').on(t.id).where(sql`(${t.flags} ->> 'urgent')::boolean`),
  ],
);
