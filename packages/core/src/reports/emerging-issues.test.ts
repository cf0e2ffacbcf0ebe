import { expect, test } from 'vitest';
import { emergingIssues } from './emerging-issues.ts';
import type { IssueInput } from './report-input.ts';

const week = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };
const issue = (over: Partial<IssueInput>): IssueInput => ({
  id: 1,
  kind: 'topic',
  label: 'Car parking',
  severity: 'watch',
  explanation: 'three times the usual',
  openedAt: '2026-11-24T10:00:00.000Z',
  closedAt: null,
  ...over,
});

test('lists the issues open at some point in the week, worst first, with how they ended', () => {
  const result = emergingIssues(
    [
      issue({ id: 1, severity: 'watch' }),
      issue({ id: 2, severity: 'page', closedAt: '2026-11-25T10:00:00.000Z' }),
      issue({ id: 3, openedAt: '2026-11-10T00:00:00.000Z', closedAt: '2026-11-22T23:00:00.000Z' }),
      issue({ id: 4, openedAt: '2026-11-30T00:00:00.000Z' }),
      issue({ id: 5, openedAt: '2026-11-10T00:00:00.000Z', closedAt: null, severity: 'alert' }),
    ],
    week,
  );
  expect(result.available).toBe(true);
  if (!result.available) return;
  expect(result.items.map((i) => [i.id, i.outcome])).toEqual([
    [2, 'closed'],
    [5, 'open'],
    [1, 'open'],
  ]);
});

test('says plainly that detection has not run, rather than showing a calm week', () => {
  const result = emergingIssues(null, week);
  expect(result.available).toBe(false);
  expect(emergingIssues([], week)).toEqual({ available: true, items: [] });
});
