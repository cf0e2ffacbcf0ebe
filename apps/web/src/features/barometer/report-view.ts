import {
  type CountFigure,
  formatPoints,
  type MentionsBehind,
  mentionsLink,
  type SentimentFigure,
  type WeeklyReport,
} from '@barometer/core';

const longDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Mon 23 Nov 2026 – Sun 29 Nov 2026": the week as a manager reads it. */
export function weekSpan(report: Pick<WeeklyReport, 'from' | 'to'>): string {
  const lastDay = new Date(Date.parse(report.to) - 1);
  const f = (d: Date) => longDay.format(d).replace(',', '');
  return `${f(new Date(report.from))} – ${f(lastDay)}`;
}

export function countText(v: number | null): string {
  return v === null ? '–' : Math.round(v).toLocaleString('en-GB');
}

export function pointsText(v: number | null): string {
  return v === null ? '–' : formatPoints(v);
}

/** The link to the mentions behind a number in this week, optionally narrowed. */
export function linkFor(
  report: Pick<WeeklyReport, 'from' | 'to'>,
  narrow: Partial<MentionsBehind> = {},
) {
  return mentionsLink({ from: report.from, to: report.to, ...narrow });
}

export interface FigureCard {
  key: string;
  label: string;
  value: string;
  /** "±9" for net sentiment: half the 95% interval. */
  margin: string | null;
  lastWeek: string;
  average: string;
  /** Up, down or level against last week, for the arrow and its words. */
  direction: 'up' | 'down' | 'level' | null;
  note: string | null;
  href: string;
}

function direction(value: number | null, previous: number | null): FigureCard['direction'] {
  if (value === null || previous === null) return null;
  const a = Math.round(value);
  const b = Math.round(previous);
  return a > b ? 'up' : a < b ? 'down' : 'level';
}

function countCard(
  key: string,
  label: string,
  f: CountFigure,
  href: string,
  note: string | null = null,
): FigureCard {
  return {
    key,
    label,
    value: countText(f.value),
    margin: null,
    lastWeek: countText(f.previous),
    average: countText(f.average12),
    direction: direction(f.value, f.previous),
    note,
    href,
  };
}

function sentimentCard(f: SentimentFigure, href: string): FigureCard {
  const margin =
    f.value !== null && f.low !== null && f.high !== null
      ? `±${Math.round((f.high - f.low) / 2)}`
      : null;
  return {
    key: 'net-sentiment',
    label: 'Net sentiment',
    value: pointsText(f.value),
    margin,
    lastWeek: pointsText(f.previous),
    average: pointsText(f.average12),
    direction: direction(f.value, f.previous),
    note:
      f.value === null
        ? 'Nothing was scored this week.'
        : 'Positive share minus negative share, with its 95% margin.',
    href,
  };
}

/** The week in numbers, as four cards, each linking to the mentions it counts. */
export function figureCards(report: WeeklyReport): FigureCard[] {
  const all = linkFor(report);
  return [
    countCard('mentions', 'Mentions', report.mentions, all),
    countCard(
      'stories',
      'Stories',
      report.stories,
      all,
      report.storiesBasis === 'mentions'
        ? 'Counted as mentions until stories (the same news in several places) are detected.'
        : null,
    ),
    countCard('authors', 'Distinct authors', report.authors, all),
    sentimentCard(report.netSentiment, all),
  ];
}

/** A change against last week in words: "+3 on last week", "no change", "new this week". */
export function changeText(now: number, before: number): string {
  if (before === 0 && now > 0) return 'new this week';
  const d = now - before;
  if (d === 0) return 'no change';
  return `${d > 0 ? '+' : ''}${d.toLocaleString('en-GB')} on last week`;
}

/** The hours a source was down, as a manager reads them. */
export function hoursText(hours: number): string {
  if (hours === 0) return 'none';
  if (hours < 1) return 'under an hour';
  const h = Math.round(hours);
  return h >= 48
    ? `${h} hours (${Math.round((h / 24) * 10) / 10} days)`
    : `${h} hour${h === 1 ? '' : 's'}`;
}

export const SEVERITY_TEXT = { page: 'Paged', alert: 'Alert', watch: 'Watch' } as const;

const issueDayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Tue 24 Nov, 10:00" in London time. */
export function issueDay(iso: string): string {
  return issueDayFormat.format(new Date(iso)).replace(/,(?= \d+ \w+,)/, '');
}
