import type { SourceRow, TopicRow, TrendPoint } from './report-schema.ts';

const dayMonth = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
});

/** A week on an axis, by its Monday: "23 Nov". */
export function weekLabel(from: string): string {
  return dayMonth.format(new Date(from));
}

export interface TrendChartPoint {
  week: string;
  label: string;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  /** Null draws a gap, not a zero: a week with nothing scored has no sentiment. */
  netSentiment: number | null;
}

export function trendChartData(trend: readonly TrendPoint[]): TrendChartPoint[] {
  return trend.map((p) => ({
    week: p.week,
    label: weekLabel(p.from),
    mentions: p.mentions,
    positive: p.positive,
    neutral: p.neutral,
    negative: p.negative,
    netSentiment: p.netSentiment,
  }));
}

export interface BarDatum {
  key: string;
  name: string;
  positive: number;
  neutral: number;
  negative: number;
  total: number;
  sourceId?: number;
}

/** The busiest sources as stacked bars, the rest added up as "Other sources". */
export function sourceChartData(rows: readonly SourceRow[], top = 8): BarDatum[] {
  const busy = rows.filter((r) => r.mentions > 0);
  const shown: BarDatum[] = busy.slice(0, top).map((r) => ({
    key: `source-${r.sourceId}`,
    name: r.name,
    sourceId: r.sourceId,
    positive: r.positive,
    neutral: r.neutral,
    negative: r.negative,
    total: r.mentions,
  }));
  const rest = busy.slice(top);
  if (rest.length > 0) {
    shown.push({
      key: 'other',
      name: `Other sources (${rest.length})`,
      positive: rest.reduce((s, r) => s + r.positive, 0),
      neutral: rest.reduce((s, r) => s + r.neutral, 0),
      negative: rest.reduce((s, r) => s + r.negative, 0),
      total: rest.reduce((s, r) => s + r.mentions, 0),
    });
  }
  return shown;
}

export interface TopicChartDatum {
  topic: string;
  thisWeek: number;
  lastWeek: number;
}

/** The busiest topics this week beside last week's counts. */
export function topicChartData(rows: readonly TopicRow[], top = 10): TopicChartDatum[] {
  return rows
    .filter((r) => r.mentions > 0)
    .slice(0, top)
    .map((r) => ({ topic: r.topic, thisWeek: r.mentions, lastWeek: r.previousMentions }));
}

/** The symmetric y domain for net sentiment, so zero sits in the middle and +/- read the same. */
export function sentimentDomain(trend: readonly TrendPoint[]): [number, number] {
  const peak = Math.max(
    20,
    ...trend.map((p) => Math.abs(p.netSentiment ?? 0)).map((v) => Math.ceil(v / 10) * 10),
  );
  return [-peak, peak];
}
