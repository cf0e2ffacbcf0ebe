import type { Role } from '@barometer/core';
import { asc, eq, sql } from 'drizzle-orm';
import { orm, type Queryable } from '../client.ts';
import { users } from '../schema/users.ts';

export type UserRow = typeof users.$inferSelect;

/** A person as the rest of the system sees them: never the password hash. */
export interface User {
  id: number;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  hasPassword: boolean;
  singleSignOn: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    disabled: row.disabledAt !== null,
    hasPassword: row.passwordHash !== null,
    singleSignOn: row.oidcSubject !== null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** E-mail addresses compare without regard to case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  const [row] = await orm(q)
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row;
}

export async function findUserById(q: Queryable, id: number): Promise<UserRow | undefined> {
  const [row] = await orm(q).select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserBySubject(
  q: Queryable,
  subject: string,
): Promise<UserRow | undefined> {
  const [row] = await orm(q).select().from(users).where(eq(users.oidcSubject, subject));
  return row;
}

export async function listUsers(q: Queryable): Promise<User[]> {
  const rows = await orm(q).select().from(users).orderBy(asc(users.email));
  return rows.map(toUser);
}

export async function insertUser(
  q: Queryable,
  fields: {
    email: string;
    displayName: string;
    roles: Role[];
    passwordHash: string | null;
    oidcSubject?: string | null;
  },
): Promise<UserRow> {
  const [row] = await orm(q)
    .insert(users)
    .values({ ...fields, email: normaliseEmail(fields.email) })
    .returning();
  return row!;
}

export async function updateUser(
  q: Queryable,
  id: number,
  fields: Partial<{
    displayName: string;
    roles: Role[];
    passwordHash: string | null;
    oidcSubject: string | null;
    disabledAt: Date | null;
    lastSignInAt: Date;
  }>,
): Promise<UserRow | undefined> {
  const [row] = await orm(q).update(users).set(fields).where(eq(users.id, id)).returning();
  return row;
}

export async function countAdmins(q: Queryable): Promise<number> {
  const [row] = await orm(q)
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(sql`'admin' = any(${users.roles}) and ${users.disabledAt} is null`);
  return row?.n ?? 0;
}

export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await orm(q).select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}
