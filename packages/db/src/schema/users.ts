import { bigserial, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** People who sign in. Roles and sessions arrive with the triage issue. */
export const users = pgTable('users', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role')
    .$type<'officer' | 'manager' | 'oncall' | 'admin'>()
    .notNull()
    .default('officer'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
