import { describe, expect, test } from 'vitest';
import { quotaDay } from './quota-day.ts';

describe('quotaDay', () => {
  test('the day turns at midnight Pacific, not UTC', () => {
    expect(quotaDay(new Date('2026-12-01T07:59:00Z'))).toBe('2026-11-30');
    expect(quotaDay(new Date('2026-12-01T08:01:00Z'))).toBe('2026-12-01');
  });
});
