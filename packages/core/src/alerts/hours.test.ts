import { describe, expect, test } from 'vitest';
import { BUSINESS_HOURS, deliverableFrom, type HoursPolicy, isAllowedAt } from './hours.ts';

const at = (iso: string) => new Date(iso);
const quiet: HoursPolicy = { kind: 'quiet', start: '22:00', end: '07:00' };

describe('business hours in Europe/London', () => {
  test('a Tuesday afternoon is inside, so it is told at once', () => {
    expect(isAllowedAt(BUSINESS_HOURS, at('2026-07-07T13:00:00Z'))).toBe(true);
  });

  test('09:00 in summer is 08:00 UTC: 08:30 UTC is inside, 07:30 UTC waits half an hour', () => {
    expect(isAllowedAt(BUSINESS_HOURS, at('2026-07-07T08:30:00Z'))).toBe(true);
    expect(deliverableFrom(BUSINESS_HOURS, at('2026-07-07T07:30:00Z')).toISOString()).toBe(
      '2026-07-07T08:00:00.000Z',
    );
  });

  test('17:00 closes the day: a Friday evening waits for Monday 09:00', () => {
    expect(deliverableFrom(BUSINESS_HOURS, at('2026-01-09T17:00:00Z')).toISOString()).toBe(
      '2026-01-12T09:00:00.000Z',
    );
  });

  test('a weekend straddling the March change waits for Monday 09:00 BST (08:00 UTC)', () => {
    // Saturday 28 March 2026 is GMT; Monday 30 March is BST.
    expect(deliverableFrom(BUSINESS_HOURS, at('2026-03-28T12:00:00Z')).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  test('a weekend straddling the October change waits for Monday 09:00 GMT (09:00 UTC)', () => {
    expect(deliverableFrom(BUSINESS_HOURS, at('2026-10-24T12:00:00Z')).toISOString()).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });
});

describe('quiet hours across midnight', () => {
  test('a signal at 23:00 waits for 07:00 next morning', () => {
    expect(deliverableFrom(quiet, at('2026-01-14T23:00:00Z')).toISOString()).toBe(
      '2026-01-15T07:00:00.000Z',
    );
  });

  test('a signal at 03:00 waits for 07:00 the same morning; 12:00 is told at once', () => {
    expect(deliverableFrom(quiet, at('2026-01-15T03:00:00Z')).toISOString()).toBe(
      '2026-01-15T07:00:00.000Z',
    );
    expect(isAllowedAt(quiet, at('2026-01-15T12:00:00Z'))).toBe(true);
  });

  test('the night the clocks go forward ends at 07:00 BST, 06:00 UTC', () => {
    expect(deliverableFrom(quiet, at('2026-03-28T23:30:00Z')).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  test('the night the clocks go back ends at 07:00 GMT, a 25-hour day later in UTC terms', () => {
    // 22:30 BST on Saturday 24 October is 21:30 UTC.
    expect(deliverableFrom(quiet, at('2026-10-24T21:30:00Z')).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });

  test('always means always', () => {
    const t = at('2026-10-25T01:30:00Z');
    expect(deliverableFrom({ kind: 'always' }, t)).toBe(t);
  });
});
