import {
  lastCompleteWeek,
  ReportWeekList,
  ReportWeekResponse,
  shiftWeek,
  weekOf,
} from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('api_reports');
  await env.ingest([
    'Northfield General staff were wonderful, thank you',
    'Northfield General car park is a disgrace, call me on 07700 900123',
  ]);
});

afterAll(async () => {
  await env?.cleanup();
});

describe('the barometer API', () => {
  test('lists this week first, then the recent ones', async () => {
    const res = await env.inject({ method: 'GET', url: '/api/reports/weeks' });
    expect(res.statusCode).toBe(200);
    const { weeks } = ReportWeekList.parse(res.json());
    expect(weeks[0]).toMatchObject({ week: weekOf(new Date()), status: 'in-progress' });
    expect(weeks[1]?.week).toBe(lastCompleteWeek(new Date()));
  });

  test('builds the week in progress on request, without storing it', async () => {
    const week = weekOf(new Date());
    const res = await env.inject({ method: 'GET', url: `/api/reports/weeks/${week}` });
    expect(res.statusCode).toBe(200);
    const body = ReportWeekResponse.parse(res.json());
    expect(body.inProgress).toBe(true);
    expect(body.origin).toBe('built');
    expect(body.report.mentions.value).toBe(2);
    const again = ReportWeekList.parse(
      (await env.inject({ method: 'GET', url: '/api/reports/weeks' })).json(),
    );
    expect(again.weeks[0]?.status).toBe('in-progress');
  });

  test('a finished week is stored when first opened and read back from the snapshot', async () => {
    const week = shiftWeek(weekOf(new Date()), -2);
    const first = ReportWeekResponse.parse(
      (await env.inject({ method: 'GET', url: `/api/reports/weeks/${week}` })).json(),
    );
    expect(first.origin).toBe('built');
    const second = ReportWeekResponse.parse(
      (await env.inject({ method: 'GET', url: `/api/reports/weeks/${week}` })).json(),
    );
    expect(second.origin).toBe('snapshot');
  });

  test('exports the figures and the redacted mentions as CSV downloads', async () => {
    const week = weekOf(new Date());
    const figures = await env.inject({
      method: 'GET',
      url: `/api/reports/weeks/${week}/figures.csv`,
    });
    expect(figures.statusCode).toBe(200);
    expect(figures.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(figures.headers['content-disposition']).toBe(
      `attachment; filename="barometer-${week}-figures.csv"`,
    );
    expect(figures.body).toContain('totals,mentions,2,');
    const mentions = await env.inject({
      method: 'GET',
      url: `/api/reports/weeks/${week}/mentions.csv`,
    });
    expect(mentions.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(mentions.body).not.toContain('07700 900123');
  });

  test('a manager reads the barometer; an officer may not, and only an admin rebuilds a week', async () => {
    const week = shiftWeek(weekOf(new Date()), -3);
    const manager = await env.signedIn(['manager']);
    const officer = await env.signedIn(['officer']);
    const as = (cookie: string, method: 'GET' | 'POST', url: string) =>
      env.app.inject({ method, url, headers: { cookie } });
    expect((await as(manager.cookie, 'GET', `/api/reports/weeks/${week}`)).statusCode).toBe(200);
    expect((await as(officer.cookie, 'GET', `/api/reports/weeks/${week}`)).statusCode).toBe(403);
    const refused = await as(manager.cookie, 'POST', `/api/reports/weeks/${week}/rebuild`);
    expect(refused.statusCode).toBe(403);
  });

  test('a rebuild replaces the stored week and is in the audit log with both counts', async () => {
    const week = shiftWeek(weekOf(new Date()), -2);
    await env.inject({ method: 'GET', url: `/api/reports/weeks/${week}` });
    const res = await env.inject({ method: 'POST', url: `/api/reports/weeks/${week}/rebuild` });
    expect(res.statusCode).toBe(200);
    expect(ReportWeekResponse.parse(res.json()).origin).toBe('built');
    const { rows } = await env.database.pool.query(
      `select action, subject_id, before, after from audit_log where action = 'report.rebuild'`,
    );
    expect(rows).toEqual([
      {
        action: 'report.rebuild',
        subject_id: week,
        before: { mentions: 0, netSentiment: null },
        after: { mentions: 0, netSentiment: null },
      },
    ]);
    const early = await env.inject({
      method: 'POST',
      url: `/api/reports/weeks/${weekOf(new Date())}/rebuild`,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/has not ended yet/);
  });

  test('serves the week as a PDF download', async () => {
    const week = weekOf(new Date());
    const res = await env.inject({ method: 'GET', url: `/api/reports/weeks/${week}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a malformed or future week is a plain 4xx', async () => {
    const bad = await env.inject({ method: 'GET', url: '/api/reports/weeks/last-week' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('a week is written like 2026-W48');
    const future = await env.inject({
      method: 'GET',
      url: `/api/reports/weeks/${shiftWeek(weekOf(new Date()), 2)}`,
    });
    expect(future.statusCode).toBe(404);
    expect(future.json().error.message).toMatch(/has not started yet/);
  });
});
