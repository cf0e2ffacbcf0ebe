// Sign-in and the session check, each beside its baseline in the same run:
//   - argon2id verify (what a sign-in costs) per second, beside a SHA-256 of the same password;
//   - GET /api/mentions with the session cookie (looked up in Postgres, then believed for 5 s),
//     beside the same handler and response schema reached without the check.
// Needs the local Postgres and Redis. Run: npm run bench -- auth
import { createHash } from 'node:crypto';
import { MentionPage, viewMention } from '@barometer/core';
import { hashPassword, listMentions, upsertMentions, verifyPassword } from '@barometer/db';
import { mentionToStore } from '@barometer/db/testing';
import { createApiTestEnv } from '../apps/api/test/helpers.ts';

function emit(bench: string, value: number, unit: string): void {
  process.stdout.write(
    `${JSON.stringify({ bench, value: Math.round(value * 100) / 100, unit })}\n`,
  );
}

function perSecond(run: () => Promise<unknown>, seconds: number): Promise<number> {
  return (async () => {
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < seconds * 1000) {
      await run();
      n++;
    }
    return n / ((performance.now() - start) / 1000);
  })();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// 1. Sign-in: argon2id verify.
const password = 'harbour lantern pebble orchard';
const hash = await hashPassword(password);
const sha = await perSecond(async () => createHash('sha256').update(password).digest(), 1);
const argon = await perSecond(() => verifyPassword(hash, password), 3);
emit('auth: argon2id verify (one core)', argon, 'sign-ins/s');
emit('auth: baseline sha256 of the same password', sha, 'hashes/s');

// 2. The session check on GET /api/mentions, on the same app the API tests use.
const env = await createApiTestEnv('bench_auth');
const { app, database } = env;
// The baseline: the same query, shaping and response schema as the mentions route, with no
// session check.
app.get(
  '/bench/mentions-without-session',
  { schema: { response: { 200: MentionPage } } },
  async () => {
    const page = await listMentions(database.pool, { limit: 50 });
    return { ...page, items: page.items.map((m) => viewMention(m, { raw: true })) };
  },
);
await upsertMentions(
  database.pool,
  env.sourceId,
  Array.from({ length: 500 }, (_, i) =>
    mentionToStore(`b-${i}`, `Northfield General mention number ${i}, waited four hours`),
  ),
);
const { cookie } = await env.signedIn(['officer']);

async function latencies(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const response = await app.inject({ method: 'GET', url, headers });
    if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

// Interleave the two so machine noise falls on both alike.
const withSession: number[] = [];
const without: number[] = [];
await latencies('/api/mentions?limit=50', { cookie }, 50);
for (let round = 0; round < 10; round++) {
  withSession.push(...(await latencies('/api/mentions?limit=50', { cookie }, 40)));
  without.push(...(await latencies('/bench/mentions-without-session', {}, 40)));
}
withSession.sort((a, b) => a - b);
without.sort((a, b) => a - b);
emit('auth: GET /api/mentions p50 with session check', percentile(withSession, 50), 'ms');
emit('auth: GET /api/mentions p50 baseline, no session check', percentile(without, 50), 'ms');
emit('auth: GET /api/mentions p99 with session check', percentile(withSession, 99), 'ms');
emit('auth: GET /api/mentions p99 baseline, no session check', percentile(without, 99), 'ms');

await env.cleanup();
