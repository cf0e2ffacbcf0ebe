import type { Role } from '@barometer/core';
import type { Queryable } from '../client.ts';
import { createSession } from '../queries/sessions.ts';
import { insertUser, type UserRow } from '../queries/users.ts';

let counter = 0;

/**
 * A person with these roles and a signed-in session, made straight in the database (no password
 * hashing), for tests that are about something other than signing in.
 */
export async function addSignedInUser(
  q: Queryable,
  roles: Role[],
  fields: { email?: string; displayName?: string } = {},
): Promise<{ user: UserRow; token: string; cookie: string }> {
  counter++;
  const user = await insertUser(q, {
    email: fields.email ?? `${roles.join('-') || 'nobody'}-${counter}-${Date.now()}@test.example`,
    displayName: fields.displayName ?? `Test ${roles.join(' ')} ${counter}`,
    roles,
    passwordHash: null,
  });
  const { token } = await createSession(q, {
    userId: user.id,
    method: 'password',
    expiresAt: new Date(Date.now() + 12 * 3_600_000),
    address: '127.0.0.1',
    userAgent: 'test',
  });
  return { user, token, cookie: `barometer_session=${token}` };
}
