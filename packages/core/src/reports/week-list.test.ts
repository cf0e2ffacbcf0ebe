import { expect, test } from 'vitest';
import { reportWeekList } from './week-list.ts';

test('the weeks to open are this one, the twelve before and older stored weeks, newest first', () => {
  const list = reportWeekList(new Date('2026-12-01T10:00:00Z'), [
    { week: '2026-W48', mentions: 40, netSentiment: 12 },
    { week: '2026-W10', mentions: 3, netSentiment: null },
  ]);
  expect(list).toHaveLength(14);
  expect(list[0]).toMatchObject({ week: '2026-W49', status: 'in-progress', mentions: null });
  expect(list[1]).toMatchObject({
    week: '2026-W48',
    status: 'stored',
    mentions: 40,
    netSentiment: 12,
  });
  expect(list[2]).toMatchObject({ week: '2026-W47', status: 'not-built' });
  expect(list.at(-1)).toMatchObject({ week: '2026-W10', status: 'stored' });
});
