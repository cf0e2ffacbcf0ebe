import { describe, expect, test } from 'vitest';
import {
  addDays,
  daysBetween,
  londonInstant,
  londonOffsetMinutes,
  londonWallClock,
} from './london-time.ts';

// 2026: the clocks go forward at 01:00 UTC on Sunday 29 March and back at 01:00 UTC on Sunday
// 25 October (the last Sundays of those months).
const spring = { year: 2026, month: 3, day: 29 };
const autumn = { year: 2026, month: 10, day: 25 };

describe('London wall clock', () => {
  test('winter is GMT and summer is BST, switching at 01:00 UTC on the last Sundays', () => {
    expect(londonOffsetMinutes(new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T00:59:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
  });

  test('reads the hour and weekday London shows, not UTC', () => {
    const w = londonWallClock(new Date('2026-07-05T23:30:00Z'));
    expect(w).toEqual({ year: 2026, month: 7, day: 6, hour: 0, minute: 30, weekday: 1 });
  });

  test('a London wall time maps to the right instant on both sides of a change', () => {
    expect(londonInstant(spring, 0, 30).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(londonInstant(spring, 9, 0).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(londonInstant(autumn, 0, 30).toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(londonInstant(autumn, 9, 0).toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  test('a time skipped in March is read an hour later; a doubled time in October is the second', () => {
    expect(londonInstant(spring, 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonWallClock(londonInstant(spring, 1, 30)).hour).toBe(2);
    expect(londonInstant(autumn, 1, 30).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  test('calendar days are whole days across the clock changes', () => {
    expect(daysBetween({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 30 })).toBe(
      2,
    );
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
  });
});
