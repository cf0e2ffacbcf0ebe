// `npm start`: checks Postgres and Redis, builds the dashboard if needed, migrates, seeds the demo
// (only an empty database), starts simulator + api + worker, prints the URL; Ctrl-C stops all.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseEnv, ServiceEnv } from '@barometer/core';
import {
  auditedAction,
  countUsers,
  createDatabase,
  ensureDatabaseExists,
  hashPassword,
  insertUser,
  runMigrations,
} from '@barometer/db';
import { Redis } from 'ioredis';
import pg from 'pg';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

// The services' own rules for what they share with this launcher, so a bad value stops it here,
// listed with the rest, rather than in a child after the database has been migrated.
const StartEnv = ServiceEnv.pick({
  DATABASE_URL: true,
  REDIS_URL: true,
  REDIS_PREFIX: true,
}).extend({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  SIMULATOR_PORT: z.coerce.number().int().min(1).max(65_535).default(4010),
  SIMULATOR_RATE: z.coerce.number().positive().default(20),
  LOG_LEVEL: ServiceEnv.shape.LOG_LEVEL.removeDefault().default('warn'),
});

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

async function checkPostgres(url: string): Promise<void> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({
    connectionString: maintenance.toString(),
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    fail(
      `PostgreSQL is not answering at ${maintenance.host} (${error instanceof Error ? error.message : error}).\n` +
        'Start it, then run npm start again:\n' +
        '  with Docker:  docker compose up -d postgres redis\n' +
        '  on Debian:    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        'or point DATABASE_URL at your server (postgres://user:password@host:5432/barometer).',
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    fail(
      `Redis is not answering at ${new URL(url).host} (${error instanceof Error ? error.message : error}).\n` +
        'Start it, then run npm start again:\n' +
        '  with Docker:  docker compose up -d postgres redis\n' +
        '  on Debian:    redis-server --daemonize yes --bind 127.0.0.1 --port 6379\n' +
        'or point REDIS_URL at your server (redis://host:6379).',
    );
  } finally {
    redis.disconnect();
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function webNeedsBuild(): boolean {
  const built = join(root, 'apps/web/dist/index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(join(root, 'apps/web/src')),
    newestMtime(join(root, 'packages/core/src')),
  );
  return sources > statSync(built).mtimeMs;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolvePromise()
        : reject(new Error(`${[command, ...args].join(' ')} exited with ${code}`)),
    );
  });
}

const children: { name: string; process: ChildProcess }[] = [];
let stopping = false;

function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): void {
  // `node --import tsx` runs the service in this child itself, so signals reach it directly.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  children.push({ name, process: child });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `\n${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest.\n`,
    );
    void stopAll(1);
  });
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = children
    .filter((c) => c.process.exitCode === null && c.process.signalCode === null)
    .map(
      (c) =>
        new Promise<void>((done) => {
          c.process.once('exit', () => done());
          c.process.kill('SIGTERM');
        }),
    );
  const deadline = setTimeout(() => {
    for (const c of children) c.process.kill('SIGKILL');
  }, 10_000);
  await Promise.all(exits);
  clearTimeout(deadline);
  process.exit(exitCode);
}

async function waitFor(url: string, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

const DEMO_ADMIN_EMAIL = 'admin@northfield.example';

/** On a database with nobody in it, the demo's first admin, with a random password. */
async function createDemoAdmin(
  database: ReturnType<typeof createDatabase>,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(database.pool)) > 0) return null;
  const password = randomBytes(15).toString('base64url');
  const passwordHash = await hashPassword(password);
  await auditedAction(database.pool, { userId: null, label: 'npm start (demo)' }, async (tx) => {
    const user = await insertUser(tx, {
      email: DEMO_ADMIN_EMAIL,
      displayName: 'Demo admin',
      roles: ['admin', 'officer'],
      passwordHash,
    });
    return {
      result: user,
      audit: {
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        after: { email: user.email, roles: user.roles },
      },
    };
  });
  return { email: DEMO_ADMIN_EMAIL, password };
}

async function main(): Promise<void> {
  let config: z.infer<typeof StartEnv>;
  try {
    config = parseEnv(StartEnv, process.env);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }

  await checkPostgres(config.DATABASE_URL);
  await checkRedis(config.REDIS_URL);
  say('PostgreSQL and Redis answer.');

  if (webNeedsBuild()) {
    say('Building the dashboard...');
    await run('npm', ['run', 'build', '-w', '@barometer/web', '--silent'], process.env);
  }

  if (await ensureDatabaseExists(config.DATABASE_URL)) say('Created the database.');
  const database = createDatabase(config.DATABASE_URL, { max: 2 });
  let demoAdmin: { email: string; password: string } | null = null;
  try {
    await runMigrations(database);
    demoAdmin = await createDemoAdmin(database);
  } finally {
    await database.close();
  }
  say('Database schema up to date.');

  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const simulatorUrl = `http://127.0.0.1:${config.SIMULATOR_PORT}`;
  const env = { ...process.env, LOG_LEVEL: config.LOG_LEVEL };
  startChild(
    'simulator',
    'apps/simulator/src/main.ts',
    ['--port', String(config.SIMULATOR_PORT), '--rate', String(config.SIMULATOR_RATE)],
    env,
  );
  await waitFor(`${simulatorUrl}/control/feeds`, 'the simulator');
  await run(
    process.execPath,
    [tsxCli, 'apps/cli/src/main.ts', 'seed', '--simulator-url', simulatorUrl],
    env,
  );

  // The demo's feeds live on this machine, so this process allows loopback feeds; a deployment
  // leaves ALLOW_PRIVATE_FEEDS unset and the guarded client refuses private addresses.
  const appEnv = {
    ...env,
    ALLOW_PRIVATE_FEEDS: 'true',
    PORT: String(config.PORT),
  };
  startChild('worker', 'apps/worker/src/main.ts', [], appEnv);
  startChild('api', 'apps/api/src/server.ts', [], appEnv);
  const url = `http://127.0.0.1:${config.PORT}`;
  await waitFor(`${url}/api/ready`, 'the API');
  say(
    `\nBarometer is running: ${url}\n(simulated feeds at ${simulatorUrl}; Ctrl-C stops everything)`,
  );
  if (demoAdmin) {
    say(
      `\nSign in as the demo admin (shown once; add people from the Users page or with\n` +
        `npx barometer user add):\n  e-mail:   ${demoAdmin.email}\n  password: ${demoAdmin.password}`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nunable to start Barometer: ${error instanceof Error ? error.message : error}\n`,
  );
  void stopAll(1);
  if (children.length === 0) process.exit(1);
});
