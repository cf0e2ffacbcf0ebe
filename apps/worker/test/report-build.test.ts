import { installSchedules, nextScheduledRuns } from '@barometer/bus';
import { lastCompleteWeek, scoreMention, shiftWeek, weekOf, weekRange } from '@barometer/core';
import { getReportSnapshot, upsertMentions } from '@barometer/db';
import { addFeedSource, mentionToStore } from '@barometer/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport } from '../src/jobs/report-build.ts';
import { schedules } from '../src/schedules.ts';
import { createWorkerTestEnv, type WorkerTestEnv } from './helpers.ts';

interface Received {
  to: string[];
  data: string;
}

let env: WorkerTestEnv;
let smtp: SMTPServer;
let smtpPort: number;
const inbox: Received[] = [];

/** Monday 08:00 of this week: the week just ended is settled whatever time the test runs. */
const MONDAY_MORNING = new Date(Date.parse(weekRange(weekOf(new Date())).from) + 8 * 3_600_000);

const PII_TEXT =
  'Northfield General ward 5 ignored me, NHS number 943 476 5919, call me on 07700 900123';

beforeAll(async () => {
  env = await createWorkerTestEnv('worker_report');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;

  const source = await addFeedSource(env.database, {
    name: 'Northfield Echo',
    url: 'https://echo.example/rss',
  });
  await env.database.pool.query(`update sources set created_at = now() - interval '30 days'`);
  const lastWeek = weekRange(lastCompleteWeek(MONDAY_MORNING));
  const midWeek = new Date(Date.parse(lastWeek.from) + 2 * 86_400_000).toISOString();
  await upsertMentions(env.database.pool, source.id, [
    mentionToStore('pii-1', PII_TEXT, scoreMention({ text: PII_TEXT }), {
      publishedAt: midWeek,
      author: 'Jane Patient',
    }),
    mentionToStore('ok-1', 'Thank you Northfield General, brilliant care', undefined, {
      publishedAt: midWeek,
    }),
  ]);
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await env?.cleanup();
});

describe('the report.build job', () => {
  test('stores the week just ended and e-mails the managers once, with no patient details', async () => {
    const deps = {
      database: env.database,
      config: {
        ...env.config,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        REPORT_RECIPIENTS: ['manager@trust.example', 'head@trust.example'],
        PUBLIC_URL: 'https://barometer.trust.example/',
      },
    };
    await buildReport({ rebuild: false, requestedBy: null }, env.ctx, deps, MONDAY_MORNING);
    const week = lastCompleteWeek(MONDAY_MORNING);
    const snapshot = await getReportSnapshot(env.database.pool, week);
    expect(snapshot?.report.mentions.value).toBe(2);
    expect(snapshot?.mentionIds).toHaveLength(2);

    expect(inbox).toHaveLength(1);
    const mail = inbox[0]!;
    expect(mail.to.sort()).toEqual(['head@trust.example', 'manager@trust.example']);
    expect(mail.data).toMatch(/Subject: Barometer, week of/);
    expect(mail.data).toContain(`https://barometer.trust.example/reports?week=${week}`);
    for (const secret of ['943 476 5919', '07700 900123', 'Jane Patient', 'ignored me']) {
      expect(mail.data).not.toContain(secret);
    }

    // A retried job (at-least-once delivery) sends nothing more.
    await buildReport({ rebuild: false, requestedBy: null }, env.ctx, deps, MONDAY_MORNING);
    expect(inbox).toHaveLength(1);
  });

  test('a rebuild replaces the stored week and sends no second e-mail', async () => {
    const week = lastCompleteWeek(MONDAY_MORNING);
    await env.database.pool.query(`update mentions set sentiment_label = 'negative'`);
    const deps = {
      database: env.database,
      config: {
        ...env.config,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        REPORT_RECIPIENTS: ['m@trust.example'],
      },
    };
    await buildReport({ week, rebuild: true, requestedBy: null }, env.ctx, deps, MONDAY_MORNING);
    expect((await getReportSnapshot(env.database.pool, week))?.report.netSentiment.value).toBe(
      -100,
    );
    expect(inbox).toHaveLength(1);
  });

  test('an unreachable mail relay fails the job so it is retried, and the week stays unsent', async () => {
    const week = shiftWeek(lastCompleteWeek(MONDAY_MORNING), -1);
    const deps = {
      database: env.database,
      config: {
        ...env.config,
        SMTP_URL: 'smtp://127.0.0.1:1',
        REPORT_RECIPIENTS: ['m@trust.example'],
      },
    };
    await expect(
      buildReport({ week, rebuild: false, requestedBy: null }, env.ctx, deps, MONDAY_MORNING),
    ).rejects.toThrow(`unable to e-mail the report for ${week}`);
    const { rows } = await env.database.pool.query(
      'select emailed_at from report_snapshots where week = $1',
      [week],
    );
    expect(rows).toEqual([{ emailed_at: null }]);
  });
});

describe('the Monday schedule', () => {
  test('fires at 07:00 London time on a Monday', async () => {
    await installSchedules(env.deps.queues, schedules);
    const runs = await nextScheduledRuns(env.deps.queues, schedules);
    const next = runs.find((r) => r.job === 'report.build')?.next;
    expect(next).toBeInstanceOf(Date);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(next!);
    expect(local).toBe('Monday 07:00');
    // The next run is within the coming week.
    expect(next!.getTime() - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  });
});
