import { type EmergingIssue, hourOf, IssueList } from '@barometer/core';
import { saveIssue } from '@barometer/db';
import { afterAll, beforeAll, expect, test } from 'vitest';
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
