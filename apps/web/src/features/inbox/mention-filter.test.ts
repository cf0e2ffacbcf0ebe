import { describe, expect, test } from 'vitest';
import {
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  matchesFilters,
  mentionListQuery,
  normaliseFilters,
} from './mention-filter.ts';
import { testMention } from './test-mention.ts';

describe('matchesFilters', () => {
  const mention = testMention(1, { sourceId: 7, sentimentLabel: 'negative', topics: ['parking'] });

  test('no filters let every mention through', () => {
    expect(matchesFilters(mention, {})).toBe(true);
  });

  test('each filter must match on its own field', () => {
    expect(matchesFilters(mention, { sourceId: 7 })).toBe(true);
    expect(matchesFilters(mention, { sourceId: 8 })).toBe(false);
    expect(matchesFilters(mention, { label: 'negative' })).toBe(true);
    expect(matchesFilters(mention, { label: 'positive' })).toBe(false);
    expect(matchesFilters(mention, { topic: 'parking' })).toBe(true);
    expect(matchesFilters(mention, { topic: 'maternity' })).toBe(false);
  });

  test('filters combine with AND', () => {
    expect(matchesFilters(mention, { sourceId: 7, label: 'negative', topic: 'parking' })).toBe(
      true,
    );
    expect(matchesFilters(mention, { sourceId: 7, label: 'positive', topic: 'parking' })).toBe(
      false,
    );
  });
});

describe('mentionListQuery', () => {
  test('passes the filters and the cursor to the API and leaves out what is unset', () => {
    expect(mentionListQuery({ label: 'negative' }, { limit: 100, cursor: 42 })).toEqual({
      limit: 100,
      cursor: 42,
      sourceId: undefined,
      label: 'negative',
      topic: undefined,
    });
    expect(mentionListQuery({}, { limit: 100, cursor: null }).cursor).toBeUndefined();
  });
});

describe('normaliseFilters', () => {
  test('treats blank topics as no topic so the query key stays the same', () => {
    expect(normaliseFilters({ topic: '  ' })).toEqual({});
    expect(normaliseFilters({ topic: ' parking ' })).toEqual({ topic: 'parking' });
    expect(hasFilters({ topic: '' })).toBe(false);
    expect(hasFilters({ sourceId: 3 })).toBe(true);
  });
});

describe('filters in the address bar', () => {
  test('round-trip through the query string', () => {
    const filters = { sourceId: 3, label: 'negative' as const, topic: 'car parking' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersToSearch({})).toBe('');
  });

  test('values that are not valid filters are ignored', () => {
    expect(filtersFromSearch('?sourceId=abc&label=angry&topic=')).toEqual({});
    expect(filtersFromSearch('?sourceId=-2')).toEqual({});
  });
});
