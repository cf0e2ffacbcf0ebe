/**
 * Wall-clock time in Europe/London, from the time-zone rules the runtime ships (Intl, full ICU in
 * Node and every browser), so the clock changes on the last Sundays of March and October need no
 * table of our own and no extra dependency.
 */

export const LONDON = 'Europe/London';

/** A London calendar date: year, month 1-12, day 1-31. */
export interface LondonDate {
  year: number;
  month: number;
  day: number;
}

export interface LondonWallClock extends LondonDate {
  hour: number;
  minute: number;
  /** 1 = Monday ... 7 = Sunday (ISO). */
  weekday: number;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function londonWallClock(instant: Date): LondonWallClock {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(instant)) {
    if (type !== 'literal') p[type] = Number(value);
  }
  const date = { year: p.year!, month: p.month!, day: p.day! };
  return { ...date, hour: p.hour!, minute: p.minute!, weekday: isoWeekday(date) };
}

/** Minutes London is ahead of UTC at this instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const w = londonWallClock(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const truncated = Math.floor(instant.getTime() / MINUTE_MS) * MINUTE_MS;
  return Math.round((wallAsUtc - truncated) / MINUTE_MS);
}

/**
 * The instant a London wall-clock time happens. A time skipped when the clocks go forward
 * (01:30 on the last Sunday of March) is read an hour later, as a clock on the wall would show it;
 * a time that happens twice in October is the second (GMT) one.
 */
export function londonInstant(date: LondonDate, hour: number, minute: number): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wallAsUtc - londonOffsetMinutes(new Date(wallAsUtc)) * MINUTE_MS;
  const second = wallAsUtc - londonOffsetMinutes(new Date(first)) * MINUTE_MS;
  return new Date(second);
}

/** The London date `days` calendar days after `date` (negative goes back). */
export function addDays(date: LondonDate, days: number): LondonDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (a DST day counts as one day, not 23 or 25 hours). */
export function daysBetween(from: LondonDate, to: LondonDate): number {
  const a = Date.UTC(from.year, from.month - 1, from.day);
  const b = Date.UTC(to.year, to.month - 1, to.day);
  return Math.round((b - a) / DAY_MS);
}

export function isoWeekday(date: LondonDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** 'YYYY-MM-DD' <-> LondonDate, for dates stored and edited as text. */
export function parseLondonDate(text: string): LondonDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`not a date (YYYY-MM-DD): ${text}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function formatLondonDate(date: LondonDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** 'HH:MM' -> minutes after midnight. */
export function minutesOfDay(time: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`not a time of day (HH:MM): ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A readable London time for messages: "Sun 30 Mar 2025, 14:05". */
export function formatLondon(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: LONDON,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}
