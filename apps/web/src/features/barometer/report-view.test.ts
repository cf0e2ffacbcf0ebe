import { describe, expect, test } from 'vitest';
import { changeText, figureCards, hoursText, linkFor, weekSpan } from './report-view.ts';
import { testReport } from './test-report.ts';

describe('the barometer page, in words', () => {
  const report = testReport();

  test('names the week by its Monday and Sunday in London', () => {
    expect(weekSpan(report)).toBe('Mon 23 Nov 2026 – Sun 29 Nov 2026');
  });

  test('shows four figures against last week and the average, each linking to its mentions', () => {
    const cards = figureCards(report);
    expect(cards.map((c) => [c.label, c.value, c.lastWeek, c.direction])).toEqual([
      ['Mentions', '4', '1', 'up'],
      ['Stories', '4', '1', 'up'],
      ['Distinct authors', '3', '1', 'up'],
      ['Net sentiment', '+25', '-100', 'up'],
    ]);
    expect(cards[3]?.margin).toMatch(/^±\d+$/);
    expect(cards[1]?.note).toMatch(/Counted as mentions/);
    expect(cards[0]?.href).toBe(linkFor(report));
    expect(cards[0]?.href).toContain('from=2026-11-23T00%3A00%3A00.000Z');
  });

  test('describes changes and outages plainly', () => {
    expect(changeText(5, 0)).toBe('new this week');
    expect(changeText(2, 5)).toBe('-3 on last week');
    expect(changeText(5, 5)).toBe('no change');
    expect(hoursText(0)).toBe('none');
    expect(hoursText(0.4)).toBe('under an hour');
    expect(hoursText(54)).toBe('54 hours (2.3 days)');
    expect(report.coverage.sources[0]).toMatchObject({ name: 'Borough blog', hoursDown: 54 });
  });
});
