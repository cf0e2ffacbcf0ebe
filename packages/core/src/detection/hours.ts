// Detection counts in whole hours since the Unix epoch (UTC). Hour indices are plain integers,
// so series are dense arrays and "the same hour yesterday" is index - 24.

export const HOUR_MS = 3_600_000;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;

/** The hour bucket a moment falls in. */
export function hourOf(time: Date | number): number {
  const ms = typeof time === 'number' ? time : time.getTime();
  return Math.floor(ms / HOUR_MS);
}

export function hourStart(hour: number): Date {
  return new Date(hour * HOUR_MS);
}

/** The trust works on UK time: explanations name the local weekday and hour. */
export const DETECTION_TIME_ZONE = 'Europe/London';

const weekdayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DETECTION_TIME_ZONE,
  weekday: 'long',
});
const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DETECTION_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Tuesday", in UK time. */
export function localWeekday(hour: number): string {
  return weekdayFormat.format(hourStart(hour));
}

/** "14:00", in UK time. */
export function localClock(hour: number): string {
  return clockFormat.format(hourStart(hour));
}
