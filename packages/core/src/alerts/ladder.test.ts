import { describe, expect, test } from 'vitest';
import {
  DEFAULT_ESCALATION_POLICY,
  deliveryKey,
  EscalationPolicy,
  nextPage,
  planPage,
  resolveTarget,
} from './ladder.ts';

const policy: EscalationPolicy = {
  steps: [
    { notify: ['oncall:primary'], escalateAfterSeconds: 300 },
    { notify: ['oncall:secondary'], escalateAfterSeconds: 600 },
    { notify: ['email:director@trust.nhs.uk'], escalateAfterSeconds: 900 },
  ],
};
const startedAt = new Date('2026-05-01T10:00:00Z');
const open = { severity: 'page' as const, status: 'open' as const, startedAt };

describe('escalation ladder', () => {
  test('step 1 is told at once, step 2 after step 1 waits, step 3 after both waits', () => {
    expect(planPage(policy, startedAt, 0)).toEqual({ page: 0, step: 0, repeat: 0, at: startedAt });
    expect(planPage(policy, startedAt, 1).at.toISOString()).toBe('2026-05-01T10:05:00.000Z');
    expect(planPage(policy, startedAt, 2)).toMatchObject({ step: 2, repeat: 0 });
    expect(planPage(policy, startedAt, 2).at.toISOString()).toBe('2026-05-01T10:15:00.000Z');
  });

  test('after the last step it re-notifies that step once per its wait', () => {
    expect(planPage(policy, startedAt, 3)).toMatchObject({ step: 2, repeat: 1 });
    expect(planPage(policy, startedAt, 3).at.toISOString()).toBe('2026-05-01T10:30:00.000Z');
    expect(planPage(policy, startedAt, 4).at.toISOString()).toBe('2026-05-01T10:45:00.000Z');
  });

  test('an acknowledged or resolved alert stops the ladder', () => {
    expect(nextPage(policy, { ...open, status: 'acknowledged' }, 1)).toBeNull();
    expect(nextPage(policy, { ...open, status: 'resolved' }, 1)).toBeNull();
    expect(nextPage(policy, open, 1)?.step).toBe(1);
  });

  test('an alert tells step 1 once and never climbs; info is for the dashboard only', () => {
    expect(nextPage(policy, { ...open, severity: 'alert' }, 0)?.step).toBe(0);
    expect(nextPage(policy, { ...open, severity: 'alert' }, 1)).toBeNull();
    expect(nextPage(policy, { ...open, severity: 'info' }, 0)).toBeNull();
  });

  test('targets parse as the import format spells them, and nonsense is refused', () => {
    const parsed = EscalationPolicy.safeParse({
      steps: [
        {
          notify: ['email:a@trust.nhs.uk', 'teams:https://x.example/h', 'oncall:final'],
          escalateAfterSeconds: 60,
        },
      ],
    });
    expect(parsed.success).toBe(true);
    for (const bad of ['pager:123', 'webhook:ftp://x.example', 'email:nobody', 'oncall:boss']) {
      const result = EscalationPolicy.safeParse({
        steps: [{ notify: [bad], escalateAfterSeconds: 60 }],
      });
      expect(result.success, bad).toBe(false);
    }
    expect(EscalationPolicy.safeParse({ steps: [] }).success).toBe(false);
  });

  test('rota roles resolve to whoever holds them when the step fires', () => {
    const onCall = { primary: 3, secondary: null, final: 9 };
    expect(resolveTarget('oncall:primary', onCall)).toEqual({
      kind: 'user',
      userId: 3,
      role: 'primary',
    });
    expect(resolveTarget('oncall:secondary', onCall)).toBeNull();
    expect(resolveTarget('slack:https://hooks.example/T1', onCall)).toEqual({
      kind: 'slack',
      url: 'https://hooks.example/T1',
    });
  });

  test('one delivery key per alert, page and target, whatever the address case', () => {
    const a = deliveryKey(7, 1, { kind: 'email', address: 'A@Trust.nhs.uk' });
    const b = deliveryKey(7, 1, { kind: 'email', address: 'a@trust.nhs.uk' });
    expect(a).toBe(b);
    expect(deliveryKey(7, 2, { kind: 'email', address: 'a@trust.nhs.uk' })).not.toBe(a);
  });

  test('the default ladder climbs primary, secondary, final', () => {
    expect(DEFAULT_ESCALATION_POLICY.steps.map((s) => s.notify[0])).toEqual([
      'oncall:primary',
      'oncall:secondary',
      'oncall:final',
    ]);
  });
});
