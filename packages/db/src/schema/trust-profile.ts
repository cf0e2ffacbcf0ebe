import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row: the trust this deployment listens for. */
export const trustProfile = pgTable('trust_profile', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull(),
  aliases: text('aliases').array().notNull().default(sql`'{}'`),
  handles: text('handles').array().notNull().default(sql`'{}'`),
  hashtags: text('hashtags').array().notNull().default(sql`'{}'`),
  sites: text('sites').array().notNull().default(sql`'{}'`),
  taxonomy: jsonb('taxonomy').$type<Record<string, string[]>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
