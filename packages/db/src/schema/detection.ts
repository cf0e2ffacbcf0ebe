import type { EmergingIssue, Severity, SubjectKind, ThreadEscalationState } from '@barometer/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { mentions } from './mentions.ts';

/** Which story each mention tells: the story is named by the id of its first mention. */
export const mentionStories = pgTable(
  'mention_stories',
  {
    mentionId: bigint('mention_id', { mode: 'number' })
      .primaryKey()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    storyId: bigint('story_id', { mode: 'number' }).notNull(),
  },
  (t) => [index('mention_stories_story_idx').on(t.storyId)],
);

/** Per subject and hour: what the detector reads. Rebuilt idempotently from mentions. */
export const hourlyRollups = pgTable(
  'hourly_rollups',
  {
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectKey: text('subject_key').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    authors: integer('authors').notNull(),
    mentions: integer('mentions').notNull(),
    negative: integer('negative').notNull(),
    safety: integer('safety').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectKind, t.subjectKey, t.hour] }),
    index('hourly_rollups_hour_idx').on(t.hour),
  ],
);

/** Emerging issues: at most one open per subject; the detector's state of it kept as JSON. */
export const emergingIssues = pgTable(
  'emerging_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subjectKind: text('subject_kind').$type<SubjectKind>().notNull(),
    subjectKey: text('subject_key').notNull(),
    label: text('label').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    explanation: text('explanation').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    state: jsonb('state').$type<EmergingIssue>().notNull(),
    /** What an officer said about it: acknowledged, known (hidden until known_until), dismissed. */
    triage: text('triage').$type<'acknowledged' | 'known' | 'dismissed'>(),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    knownUntil: timestamp('known_until', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('emerging_issues_open_uq')
      .on(t.subjectKind, t.subjectKey)
      .where(sql`${t.status} = 'open'`),
    index('emerging_issues_status_idx').on(t.status, t.openedAt),
  ],
);

/** Each conversation's escalation level between ticks, keyed by its root post at the source. */
export const threadEscalations = pgTable(
  'thread_escalations',
  {
    sourceId: bigint('source_id', { mode: 'number' }).notNull(),
    rootExternalId: text('root_external_id').notNull(),
    level: text('level').$type<Severity>(),
    score: real('score').notNull(),
    explanation: text('explanation').notNull(),
    state: jsonb('state').$type<ThreadEscalationState>().notNull(),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    /** When it last rose to its current level. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.sourceId, t.rootExternalId] }),
    index('thread_escalations_level_idx').on(t.level).where(sql`${t.level} is not null`),
  ],
);
