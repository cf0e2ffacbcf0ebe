import { describe, expect, test } from 'vitest';
import { type AlertSignal, evaluateSignal, joinsAlert } from './evaluate.ts';
import { DEFAULT_ALERT_RULES } from './rules.ts';

const rules = DEFAULT_ALERT_RULES;
// Sunday 29 March 2026, 03:00 UTC = 04:00 BST: the middle of the night.
const night = new Date('2026-03-29T03:00:00Z');
const tuesday = new Date('2026-03-31T12:00:00Z');

function mention(flags: { safeguarding: boolean; patientSafety: boolean }): AlertSignal {
  return {
    kind: 'mention',
    mentionId: 11,
    sourceName: 'Local news',
    threadKey: '3:root-1',
    flags,
    redactedText: "I've said my goodbyes. Ring me on 07700 900123",
  };
}

describe('the rule table', () => {
  test('a safeguarding signal pages at once, even at 4 a.m. on the night the clocks change', () => {
    const [d, ...rest] = evaluateSignal(
      mention({ safeguarding: true, patientSafety: false }),
      rules,
      night,
    );
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      ruleKey: 'safeguarding',
      severity: 'page',
      groupKey: 'thread:3:root-1',
    });
    expect(d?.notifyFrom).toBe(night);
    expect(d?.excerpt).not.toContain('07700');
  });

  test('a patient safety flag alerts, held until the quiet night ends at 07:00 BST', () => {
    const [d] = evaluateSignal(mention({ safeguarding: false, patientSafety: true }), rules, night);
    expect(d?.severity).toBe('alert');
    expect(d?.notifyFrom.toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });

  test('a post with both flags raises one alert, the page', () => {
    const ds = evaluateSignal(mention({ safeguarding: true, patientSafety: true }), rules, tuesday);
    expect(ds.map((d) => d.ruleKey)).toEqual(['safeguarding']);
  });

  test('an unflagged post raises nothing, and a disabled rule never fires', () => {
    expect(
      evaluateSignal(mention({ safeguarding: false, patientSafety: false }), rules, night),
    ).toEqual([]);
    const off = rules.map((r) => ({ ...r, enabled: r.key !== 'safeguarding' }));
    expect(
      evaluateSignal(mention({ safeguarding: true, patientSafety: false }), off, night),
    ).toEqual([]);
  });

  test('an escalating thread fires the rule for its level only', () => {
    const thread = (level: 'alert' | 'page'): AlertSignal => ({
      kind: 'thread',
      threadKey: '3:root-9',
      level,
      title: 'Parking charges',
      explanation: 'Replies doubled in an hour and turned negative.',
    });
    expect(evaluateSignal(thread('page'), rules, night).map((d) => d.ruleKey)).toEqual([
      'thread-page',
    ]);
    const [alert] = evaluateSignal(thread('alert'), rules, night);
    expect(alert?.ruleKey).toBe('thread-alert');
    // Business hours: Sunday night waits for Monday 09:00 BST.
    expect(alert?.notifyFrom.toISOString()).toBe('2026-03-30T08:00:00.000Z');
  });

  test('a source alerts only once it has been quiet for the rule hours', () => {
    const source = (hoursAgo: number): AlertSignal => ({
      kind: 'source',
      sourceId: 4,
      sourceName: 'Care Opinion',
      quietSince: new Date(tuesday.getTime() - hoursAgo * 3_600_000),
      lastError: 'HTTP 503',
    });
    expect(evaluateSignal(source(5), rules, tuesday)).toEqual([]);
    const [d] = evaluateSignal(source(7), rules, tuesday);
    expect(d?.why).toContain('7 hours');
    expect(d?.groupKey).toBe('source:4');
  });
});

describe('grouping', () => {
  const last = new Date('2026-03-31T12:00:00Z');
  test('a signal within the window joins the open alert', () => {
    expect(
      joinsAlert({ status: 'open', lastSignalAt: last }, new Date('2026-03-31T12:59:00Z'), 60),
    ).toBe(true);
    expect(
      joinsAlert(
        { status: 'acknowledged', lastSignalAt: last },
        new Date('2026-03-31T12:30:00Z'),
        60,
      ),
    ).toBe(true);
  });

  test('after the window, or once resolved, it starts a new alert', () => {
    expect(
      joinsAlert({ status: 'open', lastSignalAt: last }, new Date('2026-03-31T13:01:00Z'), 60),
    ).toBe(false);
    expect(joinsAlert({ status: 'resolved', lastSignalAt: last }, last, 60)).toBe(false);
    expect(joinsAlert(null, last, 60)).toBe(false);
  });
});
