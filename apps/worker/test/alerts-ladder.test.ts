// The on-call ladder end to end, with real processes: a worker and the API as child processes,
// a real SMTP server and a real webhook receiver, real Postgres and Redis. A safeguarding post
// pages the primary; nobody acknowledges, so the secondary is told; the e-mailed link stops it.
// Then the failures: a worker SIGKILLed between steps, Redis emptied mid-ladder, a webhook that
// answers 500 first, a storm on one thread, links reused, expired or forged.
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { closeQueues, createQueues, enqueue, type Queues } from '@barometer/bus';
import { issueAckToken } from '@barometer/core';
import { replaceEscalationPolicy, replaceRota, withTransaction } from '@barometer/db';
import {
  addFeedSource,
  addSignedInUser,
  createTestDatabase,
  type TestDatabase,
  testRedisPrefix,
} from '@barometer/db/testing';
import {
  type SmtpSink,
  startSmtpSink,
  startWebhookSink,
  type WebhookSink,
} from '@barometer/notify/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { escalateJobId } from '../src/alerts/alert-timers.ts';
import {
  type ApiProcess,
  type ChildHandle,
  startApiProcess,
  startWorkerProcess,
} from './reliability/processes.ts';

const STEP_WAIT_S = 4;
/** Starting a TypeScript process on a busy 2-core machine can take a while. */
const STARTUP_MS = 90_000;
// Real processes on a shared 2-core machine: generous deadlines (polls, never fixed sleeps).
vi.setConfig({ testTimeout: 180_000 });
const SECRET = 'integration-test-alert-signing-secret-0123';
const NHS_NUMBER = /943\s?476\s?5919/;

let database: TestDatabase;
let prefix: string;
let redis: Redis;
let queues: Queues;
let smtp: SmtpSink;
let hooks: WebhookSink;
let api: ApiProcess;
let worker: ChildHandle;
let env: Record<string, string>;
let sourceId: number;
/** An on-call person signed in to the dashboard (the cookie and the API's own origin). */
let dashboard: { cookie: string; origin: string };
const people = { primary: 0, secondary: 0, final: 0 };

async function addUser(email: string, name: string): Promise<number> {
  const { rows } = await database.pool.query<{ id: number }>(
    'insert into users (email, display_name) values ($1, $2) returning id',
    [email, name],
  );
  return rows[0]!.id;
}

async function setLadder(extraStep1: string[] = []): Promise<void> {
  await withTransaction(database.pool, (tx) =>
    replaceEscalationPolicy(tx, {
      steps: [
        {
          notify: ['oncall:primary', ...(extraStep1 as never[])],
          escalateAfterSeconds: STEP_WAIT_S,
        },
        { notify: ['oncall:secondary'], escalateAfterSeconds: STEP_WAIT_S },
        { notify: ['oncall:final'], escalateAfterSeconds: STEP_WAIT_S },
      ],
    }),
  );
}

let posted = 0;
/** Ingests safeguarding posts on one thread, as a poll would hand them over. */
async function ingestSafeguarding(thread: string, count = 1): Promise<void> {
  const mentions = Array.from({ length: count }, () => {
    posted++;
    return {
      externalId: `${thread}-${posted}`,
      url: null,
      author: 'someone',
      title: null,
      text: `I've said my goodbyes. I can't do this any more. My NHS number is 943 476 5919 (${posted}).`,
      html: null,
      publishedAt: null,
      publishedRaw: null,
      parentExternalId: null,
      rootExternalId: thread,
    };
  });
  await enqueue(queues, 'mentions.ingest', { sourceId, mentions });
}

async function alertFor(
  thread: string,
): Promise<{ id: number; count: number; status: string; pages_sent: number }> {
  return vi.waitFor(
    async () => {
      const { rows } = await database.pool.query(
        'select id, count, status, pages_sent from alerts where group_key = $1',
        [`thread:${sourceId}:${thread}`],
      );
      if (rows.length !== 1)
        throw new Error(`expected one alert for ${thread}, found ${rows.length}`);
      return rows[0];
    },
    { timeout: 60_000, interval: 100 },
  );
}

function mailsFor(alertId: number, to?: string) {
  return smtp.received.filter(
    (m) => m.delivery.startsWith(`${alertId}/`) && (to === undefined || m.to.includes(to)),
  );
}

async function waitForMail(alertId: number, to: string, timeout = 90_000) {
  return vi.waitFor(
    () => {
      const mail = mailsFor(alertId, to)[0];
      if (!mail) throw new Error(`no e-mail to ${to} for alert ${alertId} yet`);
      return mail;
    },
    { timeout, interval: 100 },
  );
}

function ackLinkIn(text: string): string {
  const match = /Acknowledge \(one click, no sign-in\): (\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no acknowledgement link in:\n${text}`);
  return match[1];
}

/** Waits until page `page` of the alert was due, and its timer has run (or was never needed). */
async function pastPage(alertId: number, page: number, dueAt: number): Promise<void> {
  await vi.waitFor(
    async () => {
      if (Date.now() < dueAt) throw new Error('not due yet');
      const job = await queues.alerts.getJob(escalateJobId(alertId, page));
      if (job && !(await job.isCompleted())) throw new Error('timer still pending');
    },
    { timeout: dueAt - Date.now() + 20_000, interval: 200 },
  );
}

beforeAll(async () => {
  database = await createTestDatabase('alerts_ladder');
  prefix = testRedisPrefix('alerts_ladder');
  redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  queues = createQueues(redis, prefix);
  smtp = await startSmtpSink();
  hooks = await startWebhookSink();
  people.primary = await addUser('primary@trust.nhs.uk', 'Priya Primary');
  people.secondary = await addUser('secondary@trust.nhs.uk', 'Sam Secondary');
  people.final = await addUser('director@trust.nhs.uk', 'Dana Director');
  const rotation = {
    handoverWeekday: 1,
    handoverTime: '09:00',
    startsOn: '2026-01-05',
    periodWeeks: 1,
  };
  await withTransaction(database.pool, (tx) =>
    replaceRota(tx, {
      rotations: [
        { role: 'primary', members: [people.primary], ...rotation },
        { role: 'secondary', members: [people.secondary], ...rotation },
        { role: 'final', members: [people.final], ...rotation },
      ],
      overrides: [],
    }),
  );
  await setLadder();
  // Disabled: the worker's scheduler must not try to poll it (no test reaches the internet).
  sourceId = (
    await addFeedSource(database, {
      name: 'Local news',
      url: 'https://news.example/rss',
      enabled: false,
    })
  ).id;
  env = {
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'alerts@trust.nhs.uk',
    ALERT_SIGNING_SECRET: SECRET,
    ALLOW_PRIVATE_WEBHOOKS: 'true',
    TEST_SCHEDULE_REFRESH_MS: '1000',
    LOG_LEVEL: process.env.DEBUG_ALERTS ? 'info' : 'silent',
  };
  api = await startApiProcess(env, { timeoutMs: STARTUP_MS });
  // Links in messages point at the API just started.
  env.PUBLIC_URL = api.url;
  worker = await startWorkerProcess(env, { timeoutMs: STARTUP_MS });
  dashboard = {
    cookie: (await addSignedInUser(database.pool, ['oncall'])).cookie,
    origin: api.url,
  };
}, 240_000);

/** Acknowledges in the dashboard, as a signed-in on-call person. */
function acknowledgeInDashboard(alertId: number): Promise<Response> {
  return fetch(`${env.PUBLIC_URL}/api/alerts/${alertId}/acknowledge`, {
    method: 'POST',
    headers: { cookie: dashboard.cookie, origin: dashboard.origin },
  });
}

afterAll(async () => {
  if (process.env.DEBUG_ALERTS) console.log(worker?.output(), api?.output());
  await worker?.stop('SIGKILL');
  await api?.stop();
  await closeQueues(queues);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await smtp?.close();
  await hooks?.close();
  await database?.drop();
});

describe('the ladder', () => {
  let alertId = 0;
  let secondaryLink = '';

  test('a safeguarding post pages the primary by e-mail, redacted, with a link to acknowledge', async () => {
    const started = Date.now();
    await ingestSafeguarding('thread-a');
    alertId = (await alertFor('thread-a')).id;
    const mail = await waitForMail(alertId, 'primary@trust.nhs.uk');
    expect(mail.receivedAt - started).toBeLessThan(60_000);
    expect(mail.parsed.subject).toMatch(/^\[Barometer Page\] Safeguarding signal on Local news/);
    expect(mail.parsed.html).toContain('Acknowledge');
    for (const part of [mail.raw, mail.parsed.text, mail.parsed.html, mail.parsed.subject]) {
      expect(part).not.toMatch(NHS_NUMBER);
    }
    expect(ackLinkIn(mail.parsed.text ?? '')).toContain(`${env.PUBLIC_URL}/api/ack/${alertId}.`);
  });

  test('nobody acknowledges, so the secondary is told after the first step waits', async () => {
    const second = await waitForMail(alertId, 'secondary@trust.nhs.uk');
    // The wait runs from when step 1 was due (the ladder's clock), not from the mail's arrival.
    const { rows } = await database.pool.query<{ notify_from: Date }>(
      'select notify_from from alerts where id = $1',
      [alertId],
    );
    expect(second.receivedAt - rows[0]!.notify_from.getTime()).toBeGreaterThanOrEqual(
      STEP_WAIT_S * 1000,
    );
    secondaryLink = ackLinkIn(second.parsed.text ?? '');
  });

  test('the e-mailed link acknowledges without signing in, and the ladder stops', async () => {
    const res = await fetch(secondaryLink);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Alert acknowledged');
    const alert = await alertFor('thread-a');
    expect(alert.status).toBe('acknowledged');
    const { rows } = await database.pool.query<{ raised_at: Date }>(
      'select raised_at from alerts where id = $1',
      [alertId],
    );
    await pastPage(alertId, 2, rows[0]!.raised_at.getTime() + 2 * STEP_WAIT_S * 1000 + 1000);
    expect(mailsFor(alertId, 'director@trust.nhs.uk')).toEqual([]);
    expect(mailsFor(alertId)).toHaveLength(2);
    const timeline = await database.pool.query<{ kind: string; detail: string }>(
      'select kind, detail from alert_events where alert_id = $1 order by id',
      [alertId],
    );
    // A slow mail server may deliver step 1 after step 2 was sent: compare without order.
    const kinds = timeline.rows.map((e) => e.kind);
    expect([...kinds].sort()).toEqual(
      ['raised', 'sent', 'delivered', 'escalated', 'delivered', 'acknowledged'].sort(),
    );
    expect(timeline.rows.at(-1)?.detail).toBe(
      'Acknowledged by Sam Secondary with the link in their message.',
    );
    const audit = await database.pool.query<{ actor_label: string; action: string }>(
      "select actor_label, action from audit_log where subject_type = 'alert' and subject_id = $1 order by id",
      [String(alertId)],
    );
    const audited = audit.rows.map((r) => `${r.actor_label} ${r.action}`);
    expect([...audited].sort()).toEqual(
      [
        'system alert.raised',
        'system alert.sent',
        'system alert.delivered',
        'system alert.escalated',
        'system alert.delivered',
        'secondary@trust.nhs.uk alert.acknowledged',
      ].sort(),
    );
    expect(audited.at(-1)).toBe('secondary@trust.nhs.uk alert.acknowledged');
  });

  test('the same link used again is refused, clearly', async () => {
    const res = await fetch(secondaryLink, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(409);
    expect((await res.json()).message).toBe(
      'This acknowledgement link has already been used. Open the alert in Barometer to see who acknowledged it.',
    );
  });

  test('an expired or forged link is refused, clearly, and changes nothing', async () => {
    const sign = (m: string) => createHmac('sha256', SECRET).update(m).digest('base64url');
    const expired = issueAckToken(
      { alertId, nonce: 'expired-nonce-0123456789', expiresAt: new Date(Date.now() - 1000) },
      sign,
    );
    const gone = await fetch(`${env.PUBLIC_URL}/api/ack/${expired}`, {
      headers: { accept: 'application/json' },
    });
    expect(gone.status).toBe(410);
    expect((await gone.json()).message).toMatch(/has expired/);
    const forged = `${alertId}.forged-nonce-0123456789.${Math.floor(Date.now() / 1000) + 3600}.bm90LWEtc2lnbmF0dXJl`;
    const bad = await fetch(`${env.PUBLIC_URL}/api/ack/${forged}`);
    expect(bad.status).toBe(403);
    expect(await bad.text()).toContain('not valid');
  });
});

describe('failures mid-ladder', () => {
  test('a worker SIGKILLed between steps neither drops nor repeats a page', async () => {
    await ingestSafeguarding('thread-kill');
    const { id } = await alertFor('thread-kill');
    await waitForMail(id, 'primary@trust.nhs.uk');
    await worker.stop('SIGKILL');
    worker = await startWorkerProcess(env, { timeoutMs: STARTUP_MS });
    await waitForMail(id, 'secondary@trust.nhs.uk');
    const ack = await acknowledgeInDashboard(id);
    expect(ack.status).toBe(200);
    expect(mailsFor(id, 'primary@trust.nhs.uk')).toHaveLength(1);
    expect(mailsFor(id, 'secondary@trust.nhs.uk')).toHaveLength(1);
  });

  test('Redis emptied mid-ladder: the timer is rebuilt from Postgres and the page is sent once', async () => {
    await ingestSafeguarding('thread-flush');
    const { id } = await alertFor('thread-flush');
    await waitForMail(id, 'primary@trust.nhs.uk');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await waitForMail(id, 'secondary@trust.nhs.uk');
    const ack = await acknowledgeInDashboard(id);
    expect(ack.status).toBe(200);
    expect(mailsFor(id, 'primary@trust.nhs.uk')).toHaveLength(1);
    expect(mailsFor(id, 'secondary@trust.nhs.uk')).toHaveLength(1);
  });

  test('a webhook that answers 500 and then 200 receives the page once', async () => {
    await setLadder([`webhook:${hooks.url('/pager')}`]);
    hooks.answer(500);
    try {
      await ingestSafeguarding('thread-hook');
      const { id } = await alertFor('thread-hook');
      const calls = await vi.waitFor(
        () => {
          const got = hooks.calls.filter(
            (c) => c.path === '/pager' && c.body.includes(`"id":${id}`),
          );
          if (got.length === 0) throw new Error('no webhook call yet');
          return got;
        },
        { timeout: 30_000, interval: 100 },
      );
      await acknowledgeInDashboard(id);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.headers['x-barometer-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      expect(calls[0]?.body).not.toMatch(NHS_NUMBER);
      const { rows } = await database.pool.query<{ status: string; attempts: number }>(
        "select status, attempts from alert_deliveries where alert_id = $1 and channel = 'webhook'",
        [id],
      );
      expect(rows).toEqual([{ status: 'sent', attempts: 2 }]);
    } finally {
      await setLadder();
    }
  });

  test('a storm of posts on one thread is one alert with a count, and one page', async () => {
    await Promise.all([
      ingestSafeguarding('thread-storm', 5),
      ingestSafeguarding('thread-storm', 5),
      ingestSafeguarding('thread-storm', 5),
      ingestSafeguarding('thread-storm', 5),
    ]);
    const alert = await vi.waitFor(
      async () => {
        const a = await alertFor('thread-storm');
        if (a.count < 20) throw new Error(`count ${a.count} so far`);
        return a;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(alert.count).toBe(20);
    await waitForMail(alert.id, 'primary@trust.nhs.uk');
    await acknowledgeInDashboard(alert.id);
    const mail = mailsFor(alert.id, 'primary@trust.nhs.uk');
    expect(mail).toHaveLength(1);
    expect(smtp.received.every((m) => !NHS_NUMBER.test(m.raw))).toBe(true);
  });
});

describe('the contract', () => {
  test('a ladder set with `barometer oncall import` e-mails step 1 within 60 s, then step 2; the link stops it', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oncall-')), 'ladder.json');
    await writeFile(
      file,
      JSON.stringify({
        steps: [
          { notify: ['email:step1@trust.nhs.uk'], escalateAfterSeconds: STEP_WAIT_S },
          { notify: ['email:step2@trust.nhs.uk'], escalateAfterSeconds: STEP_WAIT_S },
        ],
      }),
    );
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
    const cli = await promisify(execFile)(
      process.execPath,
      [tsxCli, 'apps/cli/src/main.ts', 'oncall', 'import', file],
      {
        cwd: resolve(import.meta.dirname, '../../..'),
        env: { ...process.env, DATABASE_URL: database.url },
      },
    );
    expect(cli.stdout).toBe('escalation ladder replaced: 2 steps\n');
    try {
      const started = Date.now();
      await ingestSafeguarding('thread-cli');
      const { id } = await alertFor('thread-cli');
      const first = await waitForMail(id, 'step1@trust.nhs.uk');
      expect(first.receivedAt - started).toBeLessThan(60_000);
      const second = await waitForMail(id, 'step2@trust.nhs.uk');
      const res = await fetch(ackLinkIn(second.parsed.text ?? ''));
      expect(res.status).toBe(200);
      expect((await alertFor('thread-cli')).status).toBe('acknowledged');
      expect(second.raw).not.toMatch(NHS_NUMBER);
    } finally {
      await setLadder();
    }
  });
});
