import { expect, test } from 'vitest';
import { auditExportHref, auditQueryOf, dateRangeProblem, NO_FILTERS } from './audit-filters.ts';

test('no filters ask for everything', () => {
  expect(auditQueryOf(NO_FILTERS)).toEqual({});
  expect(auditExportHref(NO_FILTERS)).toBe('/api/audit/export');
});

test('a date range covers whole days in the officer’s time zone, the end day included', () => {
  const query = auditQueryOf({ ...NO_FILTERS, fromDate: '2026-11-30', toDate: '2026-12-01' });
  expect(query.from).toBe(new Date(2026, 10, 30).toISOString());
  expect(query.to).toBe(new Date(new Date(2026, 11, 2).getTime() - 1).toISOString());
});

test('person and action pass through, and the export link carries the same filters', () => {
  const filters = {
    actorUserId: '3',
    action: 'source.updated',
    fromDate: '2026-12-01',
    toDate: '',
  };
  expect(auditQueryOf(filters)).toEqual({
    actorUserId: 3,
    action: 'source.updated',
    from: new Date(2026, 11, 1).toISOString(),
  });
  const href = new URL(auditExportHref(filters), 'http://x.example');
  expect(href.pathname).toBe('/api/audit/export');
  expect(Object.fromEntries(href.searchParams)).toEqual({
    actorUserId: '3',
    action: 'source.updated',
    from: new Date(2026, 11, 1).toISOString(),
  });
});

test('a half-typed date or a nonsense person is left out rather than sent', () => {
  expect(auditQueryOf({ ...NO_FILTERS, actorUserId: 'abc', fromDate: '2026-1' })).toEqual({});
});

test('an end date before the start date is pointed out', () => {
  expect(dateRangeProblem({ ...NO_FILTERS, fromDate: '2026-12-02', toDate: '2026-12-01' })).toBe(
    'The end date is before the start date',
  );
  expect(
    dateRangeProblem({ ...NO_FILTERS, fromDate: '2026-12-01', toDate: '2026-12-01' }),
  ).toBeNull();
});
