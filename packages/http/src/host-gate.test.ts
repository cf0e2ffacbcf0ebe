import { expect, test } from 'vitest';
import { HostGate, hostKey } from './host-gate.ts';

test('requests to one host run one at a time while other hosts run alongside', async () => {
  const gate = new HostGate();
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  const order: string[] = [];
  const task = (host: string, label: string) => async () => {
    running.set(host, (running.get(host) ?? 0) + 1);
    peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!));
    await new Promise((resolve) => setImmediate(resolve));
    order.push(label);
    running.set(host, running.get(host)! - 1);
    return label;
  };
  const results = await Promise.all([
    gate.run('https://a.example/1', task('a', 'a1')),
    gate.run('https://A.example:8443/2', task('a', 'a2')),
    gate.run('https://b.example/1', task('b', 'b1')),
    gate.run('http://a.example/3', task('a', 'a3')),
  ]);
  expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
  expect(peak.get('a')).toBe(1);
  expect(order.filter((l) => l.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
});

test('a failing task releases the host', async () => {
  const gate = new HostGate();
  await expect(
    gate.run('https://a.example/', () => Promise.reject(new Error('boom'))),
  ).rejects.toThrow('boom');
  await expect(gate.run('https://a.example/', async () => 'next')).resolves.toBe('next');
  expect(hostKey('https://A.Example:8080/x')).toBe('a.example');
});
