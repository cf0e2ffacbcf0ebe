import { type AlertDecision, DEFAULT_ESCALATION_POLICY } from '@barometer/core';
import { raiseOrGroupAlert, withTransaction } from '@barometer/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ApiTestEnv, createApiTestEnv } from './helpers.ts';

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv('alerts_api');
});
afterAll(async () => {
  await env?.cleanup();
});

let n = 0;
async function raise(over: Partial<AlertDecision> = {}): Promise<number> {
  n++;
  const decision: AlertDecision = {
    ruleKey: 'safeguarding',
    severity: 'page',
    channels: ['in-app', 'email'],
    groupKey: `thread:1:api-${n}`,
    groupWindowMinutes: 60,
    signalKey: `mention:${n}`,
    subject: { kind: 'mention', id: n },
    title: 'Safeguarding signal on Local news',
    why: 'A post on Local news reads as a safeguarding signal.',
    excerpt: 'redacted words',
    notifyFrom: new Date(),
    ...over,
  };
  const outcome = await withTransaction(env.database.pool, (tx) =>
    raiseOrGroupAlert(tx, decision, DEFAULT_ESCALATION_POLICY, new Date()),
  );
  if (outcome.kind === 'duplicate') throw new Error('duplicate');
  return outcome.alert.id;
}

async function auditOf(alertId: number) {
  const { rows } = await env.database.pool.query<{ actor_label: string; action: string }>(
    "select actor_label, action from audit_log where subject_type = 'alert' and subject_id = $1 order by id",
    [String(alertId)],
  );
  return rows.map((r) => `${r.actor_label} ${r.action}`);
}

describe('alerts in the dashboard', () => {
  test('on-call staff see active alerts with their timeline', async () => {
    const id = await raise();
    const { cookie } = await env.signedIn(['oncall']);
    const list = await env.inject({ method: 'GET', url: '/api/alerts', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: number }) => a.id)).toContain(id);
    const detail = await env.inject({
      method: 'GET',
      url: `/api/alerts/${id}`,
      headers: { cookie },
    });
    expect(detail.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
  });

  test('acknowledging stops the ladder, names the person, and is audited as them', async () => {
    const id = await raise();
    const { cookie } = await env.signedIn(['oncall']);
    const res = await env.inject({
      method: 'POST',
      url: `/api/alerts/${id}/acknowledge`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'acknowledged', nextPageAt: null });
    expect(res.json().acknowledgedBy.name).toMatch(/^Test oncall/);
    const audit = await auditOf(id);
    expect(audit[0]).toBe('system alert.raised');
    expect(audit[1]).toMatch(/^oncall-\d+-\d+@test\.example alert\.acknowledged$/);
  });

  test('a second acknowledgement is refused, saying who was first', async () => {
    const id = await raise();
    const first = await env.signedIn(['oncall']);
    await env.inject({
      method: 'POST',
      url: `/api/alerts/${id}/acknowledge`,
      headers: { cookie: first.cookie },
    });
    const second = await env.signedIn(['manager']);
    const res = await env.inject({
      method: 'POST',
      url: `/api/alerts/${id}/acknowledge`,
      headers: { cookie: second.cookie },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(
      /^Test oncall .* has already acknowledged this alert\.$/,
    );
  });

  test('resolving needs a note, and keeps it', async () => {
    const id = await raise();
    const empty = await env.inject({
      method: 'POST',
      url: `/api/alerts/${id}/resolve`,
      payload: { note: '' },
    });
    expect(empty.statusCode).toBe(400);
    const res = await env.inject({
      method: 'POST',
      url: `/api/alerts/${id}/resolve`,
      payload: { note: 'Safeguarding lead called the family' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'resolved',
      resolutionNote: 'Safeguarding lead called the family',
    });
  });

  test('an alert that does not exist is a 404', async () => {
    const res = await env.inject({ method: 'GET', url: '/api/alerts/999999' });
    expect(res.statusCode).toBe(404);
  });
});

describe('rules, rota and ladder', () => {
  test('an admin replaces the rule table; it is audited and read back', async () => {
    const rules = (await env.inject({ method: 'GET', url: '/api/alerts/rules' })).json().rules;
    const edited = rules.map((r: { key: string; enabled: boolean }) => ({
      ...r,
      enabled: r.key !== 'source-down',
    }));
    const res = await env.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      payload: { rules: edited },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().rules.find((r: { key: string }) => r.key === 'source-down').enabled).toBe(
      false,
    );
    const { rows } = await env.database.pool.query(
      "select count(*)::int as n from audit_log where action = 'alert-rules.replaced'",
    );
    expect(rows[0].n).toBe(1);
  });

  test('two rules with one key are refused', async () => {
    const rules = (await env.inject({ method: 'GET', url: '/api/alerts/rules' })).json().rules;
    const res = await env.inject({
      method: 'PUT',
      url: '/api/alerts/rules',
      payload: { rules: [rules[0], rules[0]] },
    });
    expect(res.statusCode).toBe(400);
  });

  test('the rota names who is on call now; someone who cannot sign in is refused', async () => {
    const { userId } = await env.signedIn(['oncall']);
    const rotation = {
      handoverWeekday: 1,
      handoverTime: '09:00',
      startsOn: '2026-01-05',
      periodWeeks: 1,
    };
    const ok = await env.inject({
      method: 'PUT',
      url: '/api/oncall/rota',
      payload: { rotations: [{ role: 'primary', members: [userId], ...rotation }], overrides: [] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().now.primary.id).toBe(userId);
    const bad = await env.inject({
      method: 'PUT',
      url: '/api/oncall/rota',
      payload: { rotations: [{ role: 'primary', members: [987654], ...rotation }], overrides: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe(
      'Someone on this rota can no longer sign in. Reload and try again.',
    );
  });

  test('the ladder is replaced and its audit keeps target kinds, never addresses or webhook URLs', async () => {
    const policy = {
      steps: [
        {
          notify: ['oncall:primary', 'teams:https://trust.webhook.office.com/secret-token'],
          escalateAfterSeconds: 300,
        },
        { notify: ['email:director@trust.nhs.uk'], escalateAfterSeconds: 900 },
      ],
    };
    const res = await env.inject({ method: 'PUT', url: '/api/oncall/policy', payload: policy });
    expect(res.statusCode).toBe(200);
    expect(res.json().policy).toEqual(policy);
    const { rows } = await env.database.pool.query(
      "select after::text from audit_log where action = 'escalation-ladder.replaced'",
    );
    expect(rows[0].after).not.toContain('secret-token');
    expect(rows[0].after).not.toContain('director@');
  });
});
