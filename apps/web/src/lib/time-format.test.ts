import { describe, expect, test } from 'vitest';
import { formatAge, formatLondon, formatRelative } from './time-format.ts';

describe('formatLondon', () => {
  test('shows winter times in GMT and summer times in BST', () => {
    expect(formatLondon('2026-01-15T09:30:00Z')).toBe('15 Jan 2026, 09:30');
    expect(formatLondon('2026-07-15T09:30:00Z')).toBe('15 Jul 2026, 10:30');
  });

  test('crosses midnight in UK time, not UTC', () => {
    expect(formatLondon('2026-06-30T23:30:00Z')).toBe('1 Jul 2026, 00:30');
  });

  test('says so when the time cannot be read', () => {
    expect(formatLondon('not a date')).toBe('unknown time');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  test('reads as words in both directions', () => {
    expect(formatRelative('2026-11-20T11:59:50Z', now)).toBe('just now');
    expect(formatRelative('2026-11-20T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatRelative('2026-11-20T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-19T11:00:00Z', now)).toBe('yesterday');
    expect(formatRelative('2026-11-20T12:10:00Z', now)).toBe('in 10 minutes');
  });
});

describe('formatAge', () => {
  const now = new Date('2026-11-20T12:00:00Z');

  test('is compact for recent items and a date for old ones', () => {
    expect(formatAge('2026-11-20T11:59:30Z', now)).toBe('now');
    expect(formatAge('2026-11-20T11:48:00Z', now)).toBe('12m');
    expect(formatAge('2026-11-20T07:00:00Z', now)).toBe('5h');
    expect(formatAge('2026-11-17T12:00:00Z', now)).toBe('3d');
    expect(formatAge('2026-10-01T12:00:00Z', now)).toBe('1 Oct');
  });
});
