import { inWeekRange, weekRange } from './iso-week.ts';
import type { ReportMention, WeekTotals } from './report-input.ts';

/** A week's totals from its mentions: the same figures the database's weekly rollup keeps. */
export function weekTotals(week: string, mentions: readonly ReportMention[]): WeekTotals {
  const totals: WeekTotals = {
    week,
    mentions: 0,
    positive: 0,
    neutral: 0,
    negative: 0,
    authors: 0,
    stories: null,
  };
  const authors = new Set<string>();
  const inside = inWeekRange(weekRange(week));
  for (const m of mentions) {
    if (!inside(m.at)) continue;
    totals.mentions += 1;
    totals[m.label] += 1;
    if (m.authorKey) authors.add(m.authorKey);
  }
  totals.authors = authors.size;
  return totals;
}
