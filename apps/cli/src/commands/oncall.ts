import { readFile } from 'node:fs/promises';
import { EscalationPolicy } from '@barometer/core';
import {
  auditedAction,
  createDatabase,
  type Database,
  loadEscalationPolicy,
  replaceEscalationPolicy,
} from '@barometer/db';
import { z } from 'zod';
import { loadCliConfig } from '../config.ts';

const USAGE = `usage:
  barometer oncall import FILE   replaces the escalation ladder with FILE's JSON:
      {"steps":[{"notify":["email:ADDRESS" | "teams:URL" | "slack:URL" | "webhook:URL"
                           | "oncall:primary" | "oncall:secondary" | "oncall:final"],
                 "escalateAfterSeconds": N}, ...]}
  barometer oncall show          prints the ladder in the same JSON
`;

/** The CLI acts as the operator on the server, recorded as such in the audit log. */
const OPERATOR = { userId: null, label: 'cli operator' };

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

async function importLadder(database: Database, file: string, io: Io): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.stderr.write(
      `barometer oncall: cannot read ${file}: ${error instanceof Error ? error.message : error}\n`,
    );
    return 1;
  }
  const parsed = EscalationPolicy.safeParse(raw);
  if (!parsed.success) {
    io.stderr.write(
      `barometer oncall: ${file} is not a ladder:\n${z.prettifyError(parsed.error)}\n`,
    );
    return 1;
  }
  const policy = parsed.data;
  await auditedAction(database.pool, OPERATOR, async (tx) => {
    await replaceEscalationPolicy(tx, policy);
    // Addresses and webhook URLs stay out of the audit log (webhook URLs are bearer secrets).
    const kinds = policy.steps.map((s) => ({
      notify: s.notify.map((t) => t.split(':')[0]),
      wait: s.escalateAfterSeconds,
    }));
    return {
      result: null,
      audit: {
        action: 'escalation-ladder.replaced',
        subjectType: 'escalation-ladder',
        subjectId: null,
        after: kinds,
      },
    };
  });
  io.stdout.write(
    `escalation ladder replaced: ${policy.steps.length} step${policy.steps.length === 1 ? '' : 's'}\n`,
  );
  return 0;
}

export async function run(
  args: string[],
  io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const [sub, file] = args;
  if (sub !== 'show' && !(sub === 'import' && file)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const database = createDatabase(loadCliConfig(io.env).DATABASE_URL, { max: 2 });
  try {
    if (sub === 'import') return await importLadder(database, file!, io);
    io.stdout.write(`${JSON.stringify(await loadEscalationPolicy(database.pool), null, 2)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
