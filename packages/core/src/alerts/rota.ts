import { z } from 'zod';
import {
  addDays,
  daysBetween,
  londonInstant,
  londonWallClock,
  minutesOfDay,
  parseLondonDate,
} from './london-time.ts';

export const ONCALL_ROLES = ['primary', 'secondary', 'final'] as const;
export const OnCallRole = z.enum(ONCALL_ROLES);
export type OnCallRole = z.infer<typeof OnCallRole>;

const userId = z.number().int().positive();

/**
 * A weekly rotation for one role: `members` take turns, one period each, handing over on
 * `handoverWeekday` at `handoverTime` London time (so "Monday 09:00" stays 09:00 across the clock
 * changes). `startsOn` is the date of the first handover, when `members[0]` takes over.
 */
export const Rotation = z.object({
  role: OnCallRole,
  members: z.array(userId).min(1).max(100),
  handoverWeekday: z.number().int().min(1).max(7),
  handoverTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 09:00'),
  startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-01-05'),
  periodWeeks: z.number().int().min(1).max(12).default(1),
});
export type Rotation = z.infer<typeof Rotation>;

/** One person covers a role between two instants (leave, a swap); the latest override wins. */
export const RotaOverride = z
  .object({
    role: OnCallRole,
    userId,
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((o) => Date.parse(o.to) > Date.parse(o.from), 'an override must end after it starts');
export type RotaOverride = z.infer<typeof RotaOverride>;

export const Rota = z.object({
  rotations: z.array(Rotation).max(ONCALL_ROLES.length * 4),
  overrides: z.array(RotaOverride).max(500),
});
export type Rota = z.infer<typeof Rota>;

export type OnCall = Record<OnCallRole, number | null>;

/** Who holds each role at `instant`: an override if one covers it, else the rotation's turn. */
export function onCallAt(rota: Rota, instant: Date): OnCall {
  const result: OnCall = { primary: null, secondary: null, final: null };
  for (const role of ONCALL_ROLES) {
    const rotation = rota.rotations.find((r) => r.role === role);
    result[role] = rotation ? memberOnDuty(rotation, instant) : null;
    const t = instant.getTime();
    for (const o of rota.overrides) {
      if (o.role === role && Date.parse(o.from) <= t && t < Date.parse(o.to))
        result[role] = o.userId;
    }
  }
  return result;
}

/** The member whose turn it is, or null before the rotation's first handover. */
export function memberOnDuty(rotation: Rotation, instant: Date): number | null {
  const handover = lastHandoverOnOrBefore(rotation, instant);
  const first = parseLondonDate(rotation.startsOn);
  const days = daysBetween(first, handover);
  if (days < 0) return null;
  const turn = Math.floor(Math.floor(days / 7) / rotation.periodWeeks) % rotation.members.length;
  return rotation.members[turn] ?? null;
}

/** The London date of the latest handover at or before `instant`. */
function lastHandoverOnOrBefore(rotation: Rotation, instant: Date) {
  const wall = londonWallClock(instant);
  const back = (wall.weekday - rotation.handoverWeekday + 7) % 7;
  let date = addDays(wall, -back);
  const minutes = minutesOfDay(rotation.handoverTime);
  const at = londonInstant(date, Math.floor(minutes / 60), minutes % 60);
  if (at.getTime() > instant.getTime()) date = addDays(date, -7);
  return date;
}

/** The next weekly handover time after `instant`, for "until Monday 09:00" on screen. */
export function nextHandover(rotation: Rotation, instant: Date): Date {
  const minutes = minutesOfDay(rotation.handoverTime);
  const last = lastHandoverOnOrBefore(rotation, instant);
  return londonInstant(addDays(last, 7), Math.floor(minutes / 60), minutes % 60);
}
