import { describe, expect, test } from 'vitest';
import {
  hoursInWeek,
  IsoWeek,
  inWeekRange,
  lastCompleteWeek,
  shiftWeek,
  weekIsSettled,
  weekOf,
  weekRange,
  weeksEndingWith,
} from './iso-week.ts';

describe('report weeks in Europe/London', () => {
  test('a winter week runs from Monday midnight UTC to the next Monday', () => {
    expect(weekRange('2026-W48')).toEqual({
      week: '2026-W48',
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
  });

  test('a summer week starts at 23:00 UTC on the Sunday, because London is an hour ahead', () => {
    expect(weekRange('2026-W27')).toEqual({
      week: '2026-W27',
      from: '2026-06-28T23:00:00.000Z',
      to: '2026-07-05T23:00:00.000Z',
    });
  });

  test('the week the clocks go forward is 167 hours long and the week they go back 169', () => {
    // 2026: clocks go forward on Sunday 29 March (W13), back on Sunday 25 October (W43).
    const spring = weekRange('2026-W13');
    expect(spring.from).toBe('2026-03-23T00:00:00.000Z');
    expect(spring.to).toBe('2026-03-29T23:00:00.000Z');
    expect(hoursInWeek(spring)).toBe(167);
    const autumn = weekRange('2026-W43');
    expect(autumn.from).toBe('2026-10-18T23:00:00.000Z');
    expect(autumn.to).toBe('2026-10-26T00:00:00.000Z');
    expect(hoursInWeek(autumn)).toBe(169);
    expect(hoursInWeek(weekRange('2026-W48'))).toBe(168);
  });

  test('an instant belongs to the week of its London date, not its UTC date', () => {
    // 23:30 UTC on Sunday 28 June 2026 is 00:30 on Monday 29 June in London.
    expect(weekOf('2026-06-28T23:30:00Z')).toBe('2026-W27');
    expect(weekOf('2026-06-28T22:59:59Z')).toBe('2026-W26');
    // In winter the two agree.
    expect(weekOf('2026-11-29T23:59:59Z')).toBe('2026-W48');
    expect(weekOf('2026-11-30T00:00:00Z')).toBe('2026-W49');
  });

  test('weeks at the turn of the year follow ISO numbering', () => {
    expect(weekOf('2027-01-01T12:00:00Z')).toBe('2026-W53');
    expect(weekRange('2026-W53').from).toBe('2026-12-28T00:00:00.000Z');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(weekOf('2025-12-29T10:00:00Z')).toBe('2026-W01');
  });

  test('every week of several years starts where the previous one ended', () => {
    let week = '2024-W01';
    for (let i = 0; i < 160; i++) {
      const next = shiftWeek(week, 1);
      expect(weekRange(week).to).toBe(weekRange(next).from);
      expect(weekOf(weekRange(week).from)).toBe(week);
      expect(weekOf(new Date(Date.parse(weekRange(week).to) - 1))).toBe(week);
      week = next;
    }
  });

  test('membership of a week agrees with the week an instant belongs to, at both edges', () => {
    const inside = inWeekRange(weekRange('2026-W27'));
    for (const at of [
      '2026-06-28T22:59:59.999Z',
      '2026-06-28T23:00:00.000Z',
      '2026-07-05T22:59:59.999Z',
      '2026-07-05T23:00:00.000Z',
    ]) {
      expect(inside(at)).toBe(weekOf(at) === '2026-W27');
    }
  });

  test('a week is stored for good only once the Monday-morning build is due', () => {
    expect(weekIsSettled('2026-W48', new Date('2026-11-30T00:30:00Z'))).toBe(false);
    expect(weekIsSettled('2026-W48', new Date('2026-11-30T07:00:00Z'))).toBe(true);
    // Summer: the week ends at 23:00 UTC on Sunday; 07:00 BST on Monday is 06:00 UTC.
    expect(weekIsSettled('2026-W26', new Date('2026-06-29T06:00:00Z'))).toBe(true);
    expect(weekIsSettled('2026-W26', new Date('2026-06-29T04:00:00Z'))).toBe(false);
  });

  test('twelve weeks ending with a week are listed oldest first', () => {
    const weeks = weeksEndingWith('2026-W02', 12);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toBe('2025-W43');
    expect(weeks[11]).toBe('2026-W02');
  });

  test('the Monday-morning build reports on the week that has just ended', () => {
    expect(lastCompleteWeek('2026-11-30T07:00:00Z')).toBe('2026-W48');
    // 07:00 BST on Monday 29 June 2026 is 06:00 UTC.
    expect(lastCompleteWeek('2026-06-29T06:00:00Z')).toBe('2026-W26');
  });

  test('a week that does not exist is refused with a plain message', () => {
    expect(IsoWeek.safeParse('2026-W48').success).toBe(true);
    expect(IsoWeek.safeParse('2025-W53').success).toBe(false);
    expect(IsoWeek.safeParse('2026-W54').success).toBe(false);
    expect(IsoWeek.safeParse('2026-48').error?.issues[0]?.message).toBe(
      'a week is written like 2026-W48',
    );
  });
});
