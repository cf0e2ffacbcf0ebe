import { expect, test } from 'vitest';
import { createDiscoveryGate } from './discovery-gate.ts';

test('at most N discoveries run at once; one more is told to retry until a slot frees', () => {
  const gate = createDiscoveryGate({ maxConcurrent: 2, perClientPerMinute: 100 });
  const a = gate.enter('a', 0);
  const b = gate.enter('b', 0);
  const c = gate.enter('c', 0);
  expect([a.ok, b.ok, c.ok]).toEqual([true, true, false]);
  expect(c).toMatchObject({ reason: 'busy', message: expect.stringMatching(/Try again/) });
  if (a.ok) a.release();
  if (a.ok) a.release(); // releasing twice frees one slot only
  expect(gate.inFlight()).toBe(1);
  expect(gate.enter('c', 1).ok).toBe(true);
  expect(gate.enter('d', 1).ok).toBe(false);
});

test('one client is limited per minute, others are not, and the limit lifts after the window', () => {
  const gate = createDiscoveryGate({ maxConcurrent: 100, perClientPerMinute: 3 });
  for (let i = 0; i < 3; i++) {
    const entry = gate.enter('flood', i * 1000);
    if (entry.ok) entry.release();
  }
  const refused = gate.enter('flood', 10_000);
  expect(refused).toMatchObject({ ok: false, reason: 'rate', retryAfterSeconds: 50 });
  expect(gate.enter('other', 10_000).ok).toBe(true);
  expect(gate.enter('flood', 60_001).ok).toBe(true);
});
