import { bestStories } from './best-stories.ts';
import { bySource, bySourceKind } from './by-source.ts';
import { byTopic, topicMovers } from './by-topic.ts';
import { coverage } from './coverage.ts';
import { headline } from './describe-change.ts';
import { discussedThreads } from './discussed-threads.ts';
import { emergingIssues } from './emerging-issues.ts';
import { inWeekRange, shiftWeek, weekRange } from './iso-week.ts';
import type { ReportInput, ReportMention } from './report-input.ts';
import type { WeeklyReport } from './report-schema.ts';
import { safetyCounts } from './safety.ts';
import { filledTotals, TREND_WEEKS, trendSeries } from './trend.ts';
import { notYetAvailable } from './unavailable.ts';
import { listenedWeeks, weekFigures } from './week-figures.ts';
import { weekTotals } from './week-totals.ts';

/**
 * The weekly barometer from its inputs: pure, so last month's report is the same whatever day it
 * is rebuilt on (given the same inputs) and every figure is a unit test.
 */
export function buildWeeklyReport(input: ReportInput): WeeklyReport {
  const range = weekRange(input.week);
  const previousWeek = shiftWeek(input.week, -1);
  const inWeek = (list: readonly ReportMention[], week: string) => {
    const inside = inWeekRange(weekRange(week));
    return list.filter((m) => inside(m.at));
  };
  const mentions = inWeek(input.mentions, input.week);
  const previous = inWeek(input.previousMentions, previousWeek);

  // This week's own mentions are the truth for its totals; the rollup supplies the other weeks.
  const totals = [
    ...input.totals.filter((t) => t.week !== input.week),
    {
      ...weekTotals(input.week, mentions),
      stories: input.totals.find((t) => t.week === input.week)?.stories ?? null,
    },
  ];
  const figures = weekFigures(input.week, totals, input.firstWeek);
  const history = listenedWeeks(
    filledTotals(input.week, totals, TREND_WEEKS).slice(0, -1),
    input.firstWeek,
  );

  const listening = input.sources.filter(
    (s) =>
      Date.parse(s.createdAt) < Date.parse(range.to) &&
      (!s.deletedAt || Date.parse(s.deletedAt) > Date.parse(weekRange(previousWeek).from)),
  );
  const sourceRows = bySource(mentions, previous, listening);
  const topicRows = byTopic(mentions, previous, input.taxonomyTopics);
  const safety = safetyCounts(mentions, previous);
  const health = coverage(input.week, listening, input.outages, mentions, input.now);

  return {
    week: input.week,
    from: range.from,
    to: range.to,
    timeZone: 'Europe/London',
    generatedAt: input.now,
    ...figures,
    headline: headline(figures, history, health, safety),
    trend: trendSeries(input.week, totals),
    bySourceKind: bySourceKind(sourceRows),
    bySource: sourceRows,
    byTopic: topicRows,
    topicMovers: topicMovers(topicRows),
    safety,
    bestStories: bestStories(mentions, input.sources),
    threads: discussedThreads(mentions, input.sources),
    emergingIssues: emergingIssues(input.issues, range),
    escalatingThreads: notYetAvailable('escalatingThreads'),
    responsiveness: notYetAvailable('responsiveness'),
    coverage: health,
  };
}

/** The mentions a snapshot points at: every id the week's figures were counted from. */
export function reportMentionIds(input: Pick<ReportInput, 'week' | 'mentions'>): number[] {
  const inside = inWeekRange(weekRange(input.week));
  return input.mentions
    .filter((m) => inside(m.at))
    .map((m) => m.id)
    .sort((a, b) => a - b);
}
