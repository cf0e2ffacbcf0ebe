import { describe, expect, test } from 'vitest';
import { nextHandover, onCallAt, type Rota, type Rotation } from './rota.ts';

// Monday 09:00 London handovers, starting Monday 2 March 2026 with user 1.
const primary: Rotation = {
  role: 'primary',
  members: [1, 2, 3],
  handoverWeekday: 1,
  handoverTime: '09:00',
  startsOn: '2026-03-02',
  periodWeeks: 1,
};
const rota: Rota = {
  rotations: [
    primary,
    { ...primary, role: 'secondary', members: [4, 5] },
    { ...primary, role: 'final', members: [9] },
  ],
  overrides: [],
};

describe('who is on call', () => {
  test('members take a week each from the first handover, then start again', () => {
    expect(onCallAt(rota, new Date('2026-03-02T09:00:00Z')).primary).toBe(1);
    expect(onCallAt(rota, new Date('2026-03-09T09:00:00Z')).primary).toBe(2);
    expect(onCallAt(rota, new Date('2026-03-16T09:00:00Z')).primary).toBe(3);
    expect(onCallAt(rota, new Date('2026-03-23T09:00:00Z')).primary).toBe(1);
  });

  test('primary, secondary and final are answered together', () => {
    expect(onCallAt(rota, new Date('2026-03-10T12:00:00Z'))).toEqual({
      primary: 2,
      secondary: 5,
      final: 9,
    });
  });

  test('the handover after the March change happens at 09:00 BST (08:00 UTC), not 09:00 UTC', () => {
    // Monday 30 March 2026 is the first Monday in BST.
    expect(onCallAt(rota, new Date('2026-03-30T07:59:00Z')).primary).toBe(1);
    expect(onCallAt(rota, new Date('2026-03-30T08:00:00Z')).primary).toBe(2);
  });

  test('the handover after the October change happens at 09:00 GMT (09:00 UTC)', () => {
    // Weeks since 2 March: 26 October is week 34, 34 % 3 = 1 -> user 2 takes over.
    expect(onCallAt(rota, new Date('2026-10-26T08:59:00Z')).primary).toBe(1);
    expect(onCallAt(rota, new Date('2026-10-26T09:00:00Z')).primary).toBe(2);
  });

  test('nobody is on call before the rotation starts', () => {
    expect(onCallAt(rota, new Date('2026-03-02T08:59:00Z')).primary).toBeNull();
  });

  test('a two-week period keeps each member for a fortnight', () => {
    const fortnightly: Rota = { rotations: [{ ...primary, periodWeeks: 2 }], overrides: [] };
    expect(onCallAt(fortnightly, new Date('2026-03-10T12:00:00Z')).primary).toBe(1);
    expect(onCallAt(fortnightly, new Date('2026-03-17T12:00:00Z')).primary).toBe(2);
  });

  test('a one-off override covers its hours only, and the latest override wins', () => {
    const withCover: Rota = {
      ...rota,
      overrides: [
        { role: 'primary', userId: 7, from: '2026-03-10T18:00:00Z', to: '2026-03-11T08:00:00Z' },
        { role: 'primary', userId: 8, from: '2026-03-10T22:00:00Z', to: '2026-03-10T23:00:00Z' },
      ],
    };
    expect(onCallAt(withCover, new Date('2026-03-10T17:59:00Z')).primary).toBe(2);
    expect(onCallAt(withCover, new Date('2026-03-10T19:00:00Z')).primary).toBe(7);
    expect(onCallAt(withCover, new Date('2026-03-10T22:30:00Z')).primary).toBe(8);
    expect(onCallAt(withCover, new Date('2026-03-11T08:00:00Z')).primary).toBe(2);
  });

  test('the next handover is the coming Monday 09:00 London time', () => {
    expect(nextHandover(primary, new Date('2026-03-25T12:00:00Z')).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });
});
