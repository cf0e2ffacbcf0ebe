import { z } from 'zod';

/** The report's clock: weeks run Monday 00:00 to the next Monday 00:00, local time in London. */
export const REPORT_TIME_ZONE = 'Europe/London';

/** An ISO 8601 week, e.g. "2026-W48". */
export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'a week is written like 2026-W48')
  .refine((w) => isoWeekExists(w), 'that year has no such week');
export type IsoWeek = z.infer<typeof IsoWeek>;

export interface WeekRange {
  week: string;
  /** Monday 00:00 in London, as a UTC instant (ISO string). */
  from: string;
  /** The next Monday 00:00 in London: exclusive. */
  to: string;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar date and minute of the day in London at an instant. */
function inLondon(instant: Date): CalendarDate & { minutes: number } {
  const parts = Object.fromEntries(
    londonParts.formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/**
 * The instant London's clock reads 00:00 on a date. London is UTC or UTC+1 and the clocks change
 * at 01:00 UTC, so midnight always exists exactly once: try UTC midnight, then an hour earlier.
 */
export function londonMidnight(date: CalendarDate): Date {
  const utcMidnight = Date.UTC(date.year, date.month - 1, date.day);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    const local = inLondon(candidate);
    if (local.minutes === 0 && local.day === date.day && local.month === date.month) {
      return candidate;
    }
  }
  throw new Error(`no London midnight found for ${date.year}-${date.month}-${date.day}`);
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday, Monday = 1 ... Sunday = 7, of a calendar date. */
function isoWeekday(date: CalendarDate): number {
  const dow = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

function weekOfDate(date: CalendarDate): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = (Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

function mondayOf(week: string): CalendarDate {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) throw new Error(`"${week}" is not a week like 2026-W48`);
  const year = Number(match[1]);
  const n = Number(match[2]);
  // 4 January is always in week 1.
  const jan4: CalendarDate = { year, month: 1, day: 4 };
  return addDays(jan4, (n - 1) * 7 - (isoWeekday(jan4) - 1));
}

function isoWeekExists(week: string): boolean {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return false;
  return weekOfDate(mondayOf(week)) === week;
}

/** The week an instant falls in, by London's calendar. */
export function weekOf(instant: Date | string): string {
  const local = inLondon(new Date(instant));
  return weekOfDate(local);
}

/** Monday 00:00 to the next Monday 00:00 in London, as UTC instants. */
export function weekRange(week: string): WeekRange {
  const monday = mondayOf(week);
  return {
    week,
    from: londonMidnight(monday).toISOString(),
    to: londonMidnight(addDays(monday, 7)).toISOString(),
  };
}

/** The week `n` weeks after (negative: before) the given one. */
export function shiftWeek(week: string, n: number): string {
  return weekOfDate(addDays(mondayOf(week), n * 7));
}

/** The `count` weeks ending with `week`, oldest first. */
export function weeksEndingWith(week: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftWeek(week, i - count + 1));
}

/** The last whole week before an instant: what the Monday-morning build reports on. */
export function lastCompleteWeek(now: Date | string): string {
  return shiftWeek(weekOf(now), -1);
}

/** Hours in a week: 168, or 167/169 in the weeks the clocks change. */
export function hoursInWeek(range: WeekRange): number {
  return (Date.parse(range.to) - Date.parse(range.from)) / 3_600_000;
}

/**
 * Whether an instant falls in a week: two comparisons, not a time-zone conversion per mention
 * (Intl formatting costs microseconds, and a busy week has thousands of mentions).
 */
export function inWeekRange(range: Pick<WeekRange, 'from' | 'to'>): (at: string) => boolean {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  return (at) => {
    const t = Date.parse(at);
    return t >= from && t < to;
  };
}

/**
 * Hours after a week ends before it is stored for good: mentions published late on Sunday keep
 * arriving overnight, and the Monday build runs at 07:00. Until then the week is counted afresh.
 */
export const SETTLE_HOURS = 6;

export function weekIsSettled(week: string, now: Date): boolean {
  return now.getTime() >= Date.parse(weekRange(week).to) + SETTLE_HOURS * 3_600_000;
}
