import { inWeekRange, weekRange } from './iso-week.ts';
import type { ReportMention, WeekTotals } from './report-input.ts';

/**
 * A week's totals from its mentions: the same figures the database counts for past weeks.
 * Stories are counted once detection has grouped any of the week's mentions; until then null,
 * and the report counts mentions in their place.
 */
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
  const stories = new Set<string>();
  let storied = 0;
  const inside = inWeekRange(weekRange(week));
  for (const m of mentions) {
    if (!inside(m.at)) continue;
    totals.mentions += 1;
    totals[m.label] += 1;
    if (m.authorKey) authors.add(m.authorKey);
    if (m.storyKey) storied += 1;
    // A mention detection has not reached yet is a story of its own.
    stories.add(m.storyKey ? `s${m.storyKey}` : `m${m.id}`);
  }
  totals.authors = authors.size;
  totals.stories = storied > 0 ? stories.size : null;
  return totals;
}
