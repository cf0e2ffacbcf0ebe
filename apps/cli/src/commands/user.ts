import { parseArgs } from 'node:util';
import { invitationExpiry, invitationUrl, ROLES, Role } from '@barometer/core';
import {
  auditedAction,
  createDatabase,
  createInvitation,
  type Database,
  findUserByEmail,
  hashPassword,
  insertUser,
  listUsers,
  newPasswordProblem,
  normaliseEmail,
  revokeSessions,
  updateUser,
} from '@barometer/db';
import { loadCliConfig } from '../config.ts';

const USAGE = `usage:
  barometer user add --email E --name N --role R [--role R2] [--invite]
      the password is read from standard input (one line); with --invite, no password:
      a one-time link to set one is printed instead (valid 7 days; uses PUBLIC_URL)
  barometer user list
  barometer user disable E
  barometer user role E R [R2 ...]      replaces the person's roles
roles: ${ROLES.join(', ')}
`;

/** The CLI acts as the operator on the server, recorded as such in the audit log. */
const OPERATOR = { userId: null, label: 'cli operator' };

async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  let data = '';
  for await (const chunk of stdin) data += String(chunk);
  return data.replace(/\r?\n$/, '');
}

function parseRoles(values: string[]): Role[] {
  const roles = values.map((v) => Role.safeParse(v));
  const bad = values.filter((_, i) => !roles[i]!.success);
  if (bad.length > 0 || values.length === 0) {
    throw new UsageError(
      `roles must be one or more of ${ROLES.join(', ')} (got ${bad.join(', ') || 'none'})`,
    );
  }
  return [...new Set(roles.map((r) => r.data!))];
}

class UsageError extends Error {}

async function add(database: Database, args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      invite: { type: 'boolean', default: false },
    },
  });
  if (!values.email || !values.name) throw new UsageError('--email and --name are required');
  const email = normaliseEmail(values.email);
  const roles = parseRoles(values.role ?? []);
  if (await findUserByEmail(database.pool, email)) {
    io.stderr.write(`barometer user: ${email} already has an account\n`);
    return 1;
  }
  let passwordHash: string | null = null;
  if (!values.invite) {
    const password = await readPassword(io.stdin);
    const problem = newPasswordProblem(password, { email, name: values.name });
    if (problem) {
      io.stderr.write(`barometer user: ${problem}\n`);
      return 1;
    }
    passwordHash = await hashPassword(password);
  }
  const expiresAt = invitationExpiry(new Date());
  const { user, token } = await auditedAction(database.pool, OPERATOR, async (tx) => {
    const row = await insertUser(tx, { email, displayName: values.name!, roles, passwordHash });
    const invitation = values.invite ? await createInvitation(tx, row.id, expiresAt) : null;
    return {
      result: { user: row, token: invitation },
      audit: {
        action: values.invite ? 'user.invited' : 'user.created',
        subjectType: 'user',
        subjectId: row.id,
        after: { email, roles },
      },
    };
  });
  io.stdout.write(`added ${user.email} (${user.roles.join(', ')})\n`);
  if (token) {
    const base = io.env.PUBLIC_URL || 'http://127.0.0.1:3000';
    io.stdout.write(
      `invitation link (valid until ${expiresAt.toISOString()}): ${invitationUrl(base, token)}\n`,
    );
  }
  return 0;
}

async function change(
  database: Database,
  email: string | undefined,
  fields: { disabledAt?: Date; roles?: Role[] },
  io: Io,
): Promise<number> {
  if (!email) throw new UsageError('name the person by e-mail address');
  const done = await auditedAction(database.pool, OPERATOR, async (tx) => {
    const before = await findUserByEmail(tx, email);
    if (!before) return { result: false, audit: [] };
    const after = await updateUser(tx, before.id, fields);
    const ended = await revokeSessions(tx, { userId: before.id });
    return {
      result: true,
      audit: {
        action: fields.disabledAt ? 'user.disabled' : 'user.roles-changed',
        subjectType: 'user',
        subjectId: before.id,
        before: { roles: before.roles, disabled: before.disabledAt !== null },
        after: {
          roles: after!.roles,
          disabled: after!.disabledAt !== null,
          sessionsEnded: ended.length,
        },
      },
    };
  });
  if (!done) {
    io.stderr.write(`barometer user: no account for ${normaliseEmail(email)}\n`);
    return 1;
  }
  io.stdout.write(`updated ${normaliseEmail(email)}; their sessions were signed out\n`);
  return 0;
}

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export async function run(
  args: string[],
  io: Io = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  },
): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || !['add', 'list', 'disable', 'role'].includes(sub)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const database = createDatabase(loadCliConfig(io.env).DATABASE_URL, { max: 2 });
  try {
    if (sub === 'add') return await add(database, rest, io);
    if (sub === 'list') {
      for (const u of await listUsers(database.pool)) {
        io.stdout.write(
          `${u.email}\t${u.displayName}\t${u.roles.join(',')}\t${u.disabled ? 'disabled' : 'active'}\n`,
        );
      }
      return 0;
    }
    if (sub === 'disable') return await change(database, rest[0], { disabledAt: new Date() }, io);
    return await change(database, rest[0], { roles: parseRoles(rest.slice(1)) }, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.stderr.write(`barometer user: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
