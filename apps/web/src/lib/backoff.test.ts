import { expect, test } from 'vitest';
import { reconnectDelay } from './backoff.ts';

test('the delay doubles with every failed attempt', () => {
  const top = () => 1;
  expect([0, 1, 2, 3].map((a) => reconnectDelay(a, top))).toEqual([500, 1000, 2000, 4000]);
});

test('the delay never exceeds the cap, even after many attempts', () => {
  expect(reconnectDelay(50, () => 1)).toBe(30_000);
  expect(reconnectDelay(1000, () => 1)).toBe(30_000);
});

test('jitter keeps the delay between half and all of the ceiling', () => {
  expect(reconnectDelay(3, () => 0)).toBe(2000);
  expect(reconnectDelay(3, () => 0.5)).toBe(3000);
});
