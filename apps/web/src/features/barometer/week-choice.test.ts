import { reportWeekList } from '@barometer/core';
import { expect, test } from 'vitest';
import { defaultWeek, weekFromSearch } from './week-choice.ts';

const weeks = reportWeekList(new Date('2026-12-01T10:00:00Z'), []);

test('the page opens on the week just ended unless the address names another on offer', () => {
  expect(defaultWeek(weeks)).toBe('2026-W48');
  expect(weekFromSearch('?week=2026-W49', weeks)).toBe('2026-W49');
  expect(weekFromSearch('?week=2020-W01', weeks)).toBeNull();
  expect(weekFromSearch('', weeks)).toBeNull();
  expect(defaultWeek([])).toBeNull();
});
