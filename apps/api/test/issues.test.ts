import { subscribeLive } from '@barometer/bus';
import { type EmergingIssue, hourOf, IssueList, type LiveBusEvent } from '@barometer/core';
import { saveIssue } from '@barometer/db';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;

beforeAll(async () => {
  env = await createApiTestEnv('issues');
});

afterAll(async () => {
  await env?.cleanup();
});

function parkingIssue(now: number): EmergingIssue {
  return {
    subject: { kind: 'topic', key: 'Parking' },
    status: 'open',
    severity: 'alert',
    trigger: 'spike',
    openedAt: now,
    updatedAt: now,
    closedAt: null,
    lastSignalHour: hourOf(now),
    signalHours: 1,
    peakAuthors: 3,
    reportedPeak: 3,
    latest: {
      hour: hourOf(now),
      trigger: 'spike',
      severity: 'alert',
      windowHours: 3,
      authors: 3,
      mentions: 3,
      expected: 0,
      baselineKind: 'same-hour-of-day',
      z: 6,
      ratio: Number.POSITIVE_INFINITY,
      negativeShare: 1,
      usualNegativeShare: 0.3,
      negativeRising: true,
      safetyMentions: 0,
    },
  };
}

test('nobody signed out sees the issues', async () => {
  const response = await env.inject({ method: 'GET', url: '/api/issues', headers: { cookie: '' } });
  expect(response.statusCode).toBe(401);
});

test('open issues are listed with their explanation and the mentions behind them, redacted', async () => {
  await env.ingest([
    'Parking at Northfield General is a disgrace, ring me on 07700 900123',
    'Parking fines again at Northfield, awful',
    'Lovely maternity team at Northfield',
  ]);
  const now = Date.now();
  await saveIssue(env.database.pool, parkingIssue(now), {
    id: null,
    label: 'Parking',
    explanation:
      '3 people posted about Parking in the last 3 hours; usually none at this time of day.',
  });
  const closed = {
    ...parkingIssue(now),
    subject: { kind: 'topic', key: 'Food' },
    status: 'closed',
  } as const;
  await saveIssue(env.database.pool, closed, { id: null, label: 'Food', explanation: 'old' });

  const response = await env.inject({ method: 'GET', url: '/api/issues' });
  expect(response.statusCode).toBe(200);
  const { items } = IssueList.parse(response.json());
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    title: 'Parking: a surge of mentions',
    severity: 'alert',
    explanation:
      '3 people posted about Parking in the last 3 hours; usually none at this time of day.',
  });
  expect(items[0]!.mentions.map((m) => m.text).sort()).toEqual([
    'Parking at Northfield General is a disgrace, ring me on [phone]',
    'Parking fines again at Northfield, awful',
  ]);
});

test('an officer acknowledges, marks as known and dismisses issues: audited, published, and known or dismissed ones leave the list', async () => {
  const listener = new Redis(env.publisher.options);
  const received: LiveBusEvent[] = [];
  await subscribeLive(listener, env.prefix, {
    onMessage: (m) => {
      if (m.kind === 'events') received.push(...m.events);
    },
    onResubscribed: async () => {},
    log: { error: () => {} },
  });
  try {
    const now = Date.now();
    const ids: number[] = [];
    for (const key of ['Staffing', 'Food', 'Maternity']) {
      const issue = { ...parkingIssue(now), subject: { kind: 'topic', key } } as const;
      ids.push(
        await saveIssue(env.database.pool, issue, { id: null, label: key, explanation: key }),
      );
    }
    const [staffing, food, maternity] = ids as [number, number, number];

    const ack = await env.inject({
      method: 'POST',
      url: `/api/issues/${staffing}/triage`,
      payload: { action: 'acknowledge' },
    });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toEqual({ id: staffing, triage: 'acknowledged', knownUntil: null });
    const known = await env.inject({
      method: 'POST',
      url: `/api/issues/${food}/triage`,
      payload: { action: 'known', knownForHours: 6 },
    });
    expect(new Date(known.json().knownUntil).getTime()).toBeGreaterThan(now + 5 * 3_600_000);
    await env.inject({
      method: 'POST',
      url: `/api/issues/${maternity}/triage`,
      payload: { action: 'dismiss' },
    });

    const { items } = IssueList.parse(
      (await env.inject({ method: 'GET', url: '/api/issues' })).json(),
    );
    const byLabel = new Map(items.map((i) => [i.label, i]));
    expect(byLabel.get('Staffing')?.acknowledged).toBe(true);
    expect(byLabel.has('Food')).toBe(false);
    expect(byLabel.has('Maternity')).toBe(false);

    const audit = await env.database.pool.query(
      `select action, subject_id from audit_log where subject_type = 'issue' order by id`,
    );
    expect(audit.rows.map((r) => [r.action, Number(r.subject_id)])).toEqual([
      ['issue.acknowledged', staffing],
      ['issue.known', food],
      ['issue.dismissed', maternity],
    ]);
    await vi.waitFor(() =>
      expect(
        received
          .filter((e) => e.type === 'issue.updated')
          .map((e) => e.type === 'issue.updated' && e.issue.id),
      ).toEqual([staffing, food, maternity]),
    );
  } finally {
    await listener.quit();
  }
});

test('a manager may not triage issues, and an issue that is not open cannot be triaged', async () => {
  const manager = await env.signedIn(['manager']);
  const refused = await env.inject({
    method: 'POST',
    url: '/api/issues/1/triage',
    payload: { action: 'dismiss' },
    headers: { cookie: manager.cookie },
  });
  expect(refused.statusCode).toBe(403);
  const missing = await env.inject({
    method: 'POST',
    url: '/api/issues/999999/triage',
    payload: { action: 'dismiss' },
  });
  expect(missing.statusCode).toBe(404);
  expect(missing.json().error.message).toBe('This issue is no longer open.');
});
