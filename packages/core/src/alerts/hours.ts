import { z } from 'zod';
import {
  addDays,
  isoWeekday,
  londonInstant,
  londonWallClock,
  minutesOfDay,
} from './london-time.ts';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 09:00');

/**
 * When a rule may tell people, in Europe/London time. `always` pages around the clock; `business`
 * holds what arrives outside the working day until it starts; `quiet` holds what arrives during
 * the quiet hours (which may span midnight) until they end.
 */
export const HoursPolicy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('always') }),
  z.object({
    kind: z.literal('business'),
    /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1),
    start: timeOfDay,
    end: timeOfDay,
  }),
  z.object({ kind: z.literal('quiet'), start: timeOfDay, end: timeOfDay }),
]);
export type HoursPolicy = z.infer<typeof HoursPolicy>;

export const BUSINESS_HOURS: HoursPolicy = {
  kind: 'business',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};

function minuteNow(instant: Date): { minute: number; weekday: number } {
  const w = londonWallClock(instant);
  return { minute: w.hour * 60 + w.minute, weekday: w.weekday };
}

export function isAllowedAt(policy: HoursPolicy, instant: Date): boolean {
  return deliverableFrom(policy, instant).getTime() === instant.getTime();
}

/** The first instant, at or after `instant`, at which the policy lets the rule tell anyone. */
export function deliverableFrom(policy: HoursPolicy, instant: Date): Date {
  switch (policy.kind) {
    case 'always':
      return instant;
    case 'business':
      return nextBusinessInstant(policy, instant);
    case 'quiet':
      return endOfQuiet(policy, instant);
  }
}

function nextBusinessInstant(policy: Extract<HoursPolicy, { kind: 'business' }>, instant: Date) {
  const start = minutesOfDay(policy.start);
  const end = minutesOfDay(policy.end);
  const { minute, weekday } = minuteNow(instant);
  if (policy.days.includes(weekday) && minute >= start && minute < end) return instant;
  const today = londonWallClock(instant);
  for (let d = 0; d <= 7; d++) {
    const date = addDays(today, d);
    if (!policy.days.includes(isoWeekday(date))) continue;
    const opens = londonInstant(date, Math.floor(start / 60), start % 60);
    if (opens.getTime() > instant.getTime()) return opens;
  }
  // Unreachable with at least one day: every week has each weekday once.
  return instant;
}

function endOfQuiet(policy: Extract<HoursPolicy, { kind: 'quiet' }>, instant: Date): Date {
  const start = minutesOfDay(policy.start);
  const end = minutesOfDay(policy.end);
  if (start === end) return instant;
  const { minute } = minuteNow(instant);
  const spansMidnight = start > end;
  const quiet = spansMidnight ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return instant;
  const today = londonWallClock(instant);
  // Past the start of an overnight window the quiet ends tomorrow; before midnight's end, today.
  const endsOn = spansMidnight && minute >= start ? addDays(today, 1) : today;
  return londonInstant(endsOn, Math.floor(end / 60), end % 60);
}
