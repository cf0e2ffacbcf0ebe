import type { AlertDto } from '@barometer/core';
import { describe, expect, test } from 'vitest';
import {
  alertsView,
  bannerCount,
  hoursSummary,
  ladderSummary,
  mergeAlert,
  sortAlerts,
} from './alert-view.ts';

const now = new Date('2026-10-25T12:00:00Z');
function alert(over: Partial<AlertDto>): AlertDto {
  return {
    id: 1,
    ruleKey: 'safeguarding',
    severity: 'page',
    status: 'open',
    title: 'Safeguarding signal on Local news',
    why: 'A post reads as a safeguarding signal.',
    excerpt: null,
    count: 1,
    subject: { kind: 'mention', id: 9 },
    raisedAt: '2026-10-25T11:50:00Z',
    lastSignalAt: '2026-10-25T11:50:00Z',
    notifyFrom: '2026-10-25T11:50:00Z',
    pagesSent: 1,
    nextPageAt: '2026-10-25T12:05:00Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    resolutionNote: null,
    ...over,
  };
}

describe('alert summaries', () => {
  test('an open page says when the next person is told', () => {
    expect(ladderSummary(alert({}), now)).toBe(
      'Nobody has acknowledged: the next person is told in 5 minutes.',
    );
  });

  test('an alert held by its hours says until when, in UK time', () => {
    const held = alert({ pagesSent: 0, nextPageAt: '2026-10-26T09:00:00Z' });
    expect(ladderSummary(held, now)).toBe(
      "Held until 26 Oct 2026, 09:00 (outside the rule's hours).",
    );
  });

  test('an acknowledged alert names who acknowledged it', () => {
    const acked = alert({
      status: 'acknowledged',
      acknowledgedBy: { id: 2, name: 'Sam' },
      acknowledgedAt: '2026-10-25T11:58:00Z',
      nextPageAt: null,
    });
    expect(ladderSummary(acked, now)).toBe('Acknowledged by Sam 2 minutes ago.');
  });
});

describe('the list', () => {
  test('open pages come first, then open alerts, then acknowledged, then resolved', () => {
    const sorted = sortAlerts([
      alert({ id: 1, status: 'resolved' }),
      alert({ id: 2, severity: 'alert' }),
      alert({ id: 3, status: 'acknowledged' }),
      alert({ id: 4 }),
    ]);
    expect(sorted.map((a) => a.id)).toEqual([4, 2, 3, 1]);
  });

  test('a live update replaces the alert it is about', () => {
    const merged = mergeAlert([alert({ id: 1 }), alert({ id: 2 })], alert({ id: 1, count: 5 }));
    expect(merged.find((a) => a.id === 1)?.count).toBe(5);
    expect(merged).toHaveLength(2);
  });

  test('the banner counts open pages and alerts only', () => {
    expect(
      bannerCount([alert({}), alert({ severity: 'alert' }), alert({ status: 'acknowledged' })]),
    ).toEqual({ pages: 1, alerts: 1 });
  });
});

describe('rule hours in words', () => {
  test('weekdays read as a span; quiet hours as held hours', () => {
    expect(
      hoursSummary({ kind: 'business', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }),
    ).toBe('Mon-Fri 09:00-17:00');
    expect(hoursSummary({ kind: 'quiet', start: '22:00', end: '07:00' })).toBe('Held 22:00-07:00');
    expect(hoursSummary({ kind: 'always' })).toBe('Around the clock');
  });
});

describe('alerts page paths', () => {
  test('each path opens its part of the page', () => {
    expect(alertsView('/alerts')).toEqual({ tab: 'alerts', alertId: null });
    expect(alertsView('/alerts/12')).toEqual({ tab: 'alerts', alertId: 12 });
    expect(alertsView('/alerts/rules/')).toEqual({ tab: 'rules', alertId: null });
    expect(alertsView('/alerts/oncall')).toEqual({ tab: 'oncall', alertId: null });
    expect(alertsView('/alerts/nonsense')).toEqual({ tab: 'alerts', alertId: null });
  });
});
