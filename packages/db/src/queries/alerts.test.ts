import { type AlertDecision, DEFAULT_ESCALATION_POLICY } from '@barometer/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withTransaction } from '../client.ts';
import { addFeedSource } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { spendAckToken } from './alert-ack.ts';
import { openIssueSignals, quietSources } from './alert-signals.ts';
import { raiseOrGroupAlert } from './alerts.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('db_alerts');
});
afterAll(async () => {
  await database?.drop();
});

function decision(group: string, signal: string, windowMinutes = 60): AlertDecision {
  return {
    ruleKey: 'safeguarding',
    severity: 'page',
    channels: ['email'],
    groupKey: group,
    groupWindowMinutes: windowMinutes,
    signalKey: signal,
    subject: { kind: 'mention', id: 1 },
    title: 'Safeguarding signal on Local news',
    why: 'A post reads as a safeguarding signal.',
    excerpt: null,
    notifyFrom: new Date(),
  };
}

const raise = (d: AlertDecision, now = new Date()) =>
  withTransaction(database.pool, (tx) => raiseOrGroupAlert(tx, d, DEFAULT_ESCALATION_POLICY, now));

describe('raising and grouping', () => {
  test('the same signal evaluated twice is counted once', async () => {
    const first = await raise(decision('thread:a', 'mention:1'));
    expect(first.kind).toBe('raised');
    expect((await raise(decision('thread:a', 'mention:1'))).kind).toBe('duplicate');
  });

  test('a burst on one thread from ten workers at once is one alert with a count of ten', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => raise(decision('thread:burst', `mention:b${i}`))),
    );
    expect(outcomes.filter((o) => o.kind === 'raised')).toHaveLength(1);
    const { rows } = await database.pool.query(
      "select count, pages_sent from alerts where group_key = 'thread:burst'",
    );
    expect(rows).toEqual([{ count: 10, pages_sent: 0 }]);
  });

  test('a signal after the window starts a new alert', async () => {
    const t0 = new Date('2026-06-01T10:00:00Z');
    await raise(decision('thread:late', 'mention:l1', 30), t0);
    const later = await raise(
      decision('thread:late', 'mention:l2', 30),
      new Date(t0.getTime() + 31 * 60_000),
    );
    expect(later.kind).toBe('raised');
  });
});

describe('acknowledgement tokens', () => {
  test('a token is spent once; after that it is already used; an old one is expired', async () => {
    const outcome = await raise(decision('thread:tok', 'mention:t1'));
    if (outcome.kind === 'duplicate') throw new Error('unexpected');
    const alertId = outcome.alert.id;
    await database.pool.query(
      `insert into alert_ack_tokens (nonce, alert_id, expires_at) values
       ('fresh-nonce-0123456789', $1, now() + interval '1 hour'),
       ('stale-nonce-0123456789', $1, now() - interval '1 second')`,
      [alertId],
    );
    const spend = (nonce: string) =>
      withTransaction(database.pool, (tx) => spendAckToken(tx, alertId, nonce));
    expect((await spend('fresh-nonce-0123456789')).kind).toBe('used-now');
    expect((await spend('fresh-nonce-0123456789')).kind).toBe('already-used');
    expect((await spend('stale-nonce-0123456789')).kind).toBe('expired');
    expect((await spend('never-issued-0123456789')).kind).toBe('unknown');
  });
});

describe('quiet sources', () => {
  test('an enabled source with no success for the hours is quiet; a disabled or recent one is not', async () => {
    const quiet = await addFeedSource(database, {
      name: 'Quiet',
      url: 'https://quiet.example/rss',
    });
    const paused = await addFeedSource(database, {
      name: 'Paused',
      url: 'https://paused.example/rss',
      enabled: false,
    });
    const fine = await addFeedSource(database, { name: 'Fine', url: 'https://fine.example/rss' });
    await database.pool.query(
      `update sources set last_success_at = now() - interval '7 hours', last_error = 'HTTP 503' where id = any($1)`,
      [[quiet.id, paused.id]],
    );
    await database.pool.query(
      "update sources set last_success_at = now() - interval '1 hour' where id = $1",
      [fine.id],
    );
    const signals = await quietSources(database.pool, 6);
    expect(signals.map((s) => (s.kind === 'source' ? s.sourceName : ''))).toEqual(['Quiet']);
  });
});

describe('emerging issues', () => {
  test('open issues at alert or page level are signals; watch-level and closed ones are not', async () => {
    await database.pool.query(
      `insert into emerging_issues (subject_kind, subject_key, label, status, severity, explanation, opened_at, updated_at, state)
       values ('topic', 'parking', 'Parking charges', 'open', 'page', 'Negative posts tripled.', now(), now(), '{}'),
              ('topic', 'food', 'Hospital food', 'open', 'watch', 'A few more posts.', now(), now(), '{}'),
              ('topic', 'ae', 'A&E waits', 'closed', 'alert', 'Back to normal.', now(), now(), '{}')`,
    );
    const signals = await openIssueSignals(database.pool);
    expect(signals).toEqual([
      {
        kind: 'issue',
        issueId: expect.any(Number),
        level: 'page',
        title: 'Parking charges',
        explanation: 'Negative posts tripled.',
      },
    ]);
  });
});
