import { netSentiment } from './net-sentiment.ts';
import type { WeekTotals } from './report-input.ts';
import type { CountFigure, SentimentFigure, WeeklyReport } from './report-schema.ts';
import { filledTotals, TREND_WEEKS } from './trend.ts';

export type WeekFigures = Pick<
  WeeklyReport,
  'mentions' | 'stories' | 'storiesBasis' | 'authors' | 'netSentiment' | 'previous'
>;

/** The weeks of the window the deployment was listening in (earlier ones are not "quiet"). */
export function listenedWeeks(weeks: readonly WeekTotals[], firstWeek: string | null) {
  return firstWeek === null ? [] : weeks.filter((t) => t.week >= firstWeek);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/**
 * The week in numbers, each against last week and the average of the 12 weeks before it. A week
 * before the first one the deployment listened in has no "previous" rather than a zero.
 */
export function weekFigures(
  week: string,
  totals: readonly WeekTotals[],
  firstWeek: string | null,
): WeekFigures {
  const window = filledTotals(week, totals, TREND_WEEKS + 1);
  const current = window[window.length - 1] as WeekTotals;
  const before = listenedWeeks(window.slice(0, -1), firstWeek);
  const last =
    before.length > 0 && before[before.length - 1]?.week === window[window.length - 2]?.week
      ? (before[before.length - 1] as WeekTotals)
      : null;
  const storiesKnown = current.stories !== null;
  const storiesOf = (t: WeekTotals) => t.stories ?? t.mentions;

  const count = (pick: (t: WeekTotals) => number): CountFigure => ({
    value: pick(current),
    previous: last ? pick(last) : null,
    average12: mean(before.map(pick)),
  });
  const sentiments = before
    .map((t) => netSentiment(t).value)
    .filter((v): v is number => v !== null);
  const netSentimentFigure: SentimentFigure = {
    ...netSentiment(current),
    previous: last ? netSentiment(last).value : null,
    average12: mean(sentiments),
  };
  return {
    mentions: count((t) => t.mentions),
    stories: count(storiesOf),
    storiesBasis: storiesKnown ? 'stories' : 'mentions',
    authors: count((t) => t.authors),
    netSentiment: netSentimentFigure,
    previous: {
      week: window[window.length - 2]?.week ?? week,
      mentions: last?.mentions ?? 0,
      stories: last ? storiesOf(last) : 0,
      authors: last?.authors ?? 0,
      netSentiment: netSentimentFigure.previous,
    },
  };
}
