import { describe, expect, test } from 'vitest';
import {
  describeExtraFilters,
  filtersFromSearch,
  filtersToSearch,
  hasFilters,
  matchesFilters,
  mentionFromSearch,
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

describe('filters from the barometer', () => {
  const week = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' };

  test("a week's link keeps only mentions said in that week, by published date, else fetched", () => {
    const inWeek = testMention(1, { publishedAt: '2026-11-29T23:59:00.000Z' });
    const nextWeek = testMention(2, { publishedAt: '2026-11-30T00:00:00.000Z' });
    const fetchedInWeek = testMention(3, {
      publishedAt: null,
      fetchedAt: '2026-11-23T00:00:00.000Z',
    });
    expect(matchesFilters(inWeek, week)).toBe(true);
    expect(matchesFilters(nextWeek, week)).toBe(false);
    expect(matchesFilters(fetchedInWeek, week)).toBe(true);
  });

  test('a flag filter keeps only mentions raising that flag', () => {
    const flagged = testMention(1);
    const safeguarding = { ...flagged, flags: { ...flagged.flags, safeguarding: true } };
    expect(matchesFilters(safeguarding, { flag: 'safeguarding' })).toBe(true);
    expect(matchesFilters(flagged, { flag: 'safeguarding' })).toBe(false);
  });

  test('the week, flag and topic survive the address bar and reach the API', () => {
    const filters = { ...week, flag: 'patientSafety' as const, topic: 'Car parking' };
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(mentionListQuery(filters, { limit: 50 })).toMatchObject(filters);
  });

  test('a malformed date or flag in the address is ignored, not sent', () => {
    expect(filtersFromSearch('?from=yesterday&flag=angry')).toEqual({});
  });

  test('a single mention to open is read from the address', () => {
    expect(mentionFromSearch('?mention=12')).toBe(12);
    expect(mentionFromSearch('?mention=x')).toBeNull();
    expect(mentionFromSearch('')).toBeNull();
  });
});

test('filters set by a barometer link are shown as chips in plain words', () => {
  expect(
    describeExtraFilters({
      from: '2026-11-23T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
      flag: 'safeguarding',
    }).map((c) => c.text),
  ).toEqual(['Said 23 Nov 2026 – 29 Nov 2026', 'Safeguarding only']);
  expect(describeExtraFilters({ topic: 'x' })).toEqual([]);
});
