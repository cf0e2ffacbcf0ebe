/** The trust works in UK time whatever the browser's clock zone is. */
export const TIME_ZONE = 'Europe/London';

const absolute = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "20 Nov 2026, 10:00" in UK time (GMT or BST as the date requires). */
export function formatLondon(value: string | Date): string {
  const date = toDate(value);
  return date ? absolute.format(date) : 'unknown time';
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", "in 2 hours", "just now": coarse on purpose, the absolute time sits beside it. */
export function formatRelative(value: string | Date, now: Date): string {
  const date = toDate(value);
  if (!date) return 'unknown time';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return seconds > 0 ? 'in a moment' : 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}

/** The compact age shown in the inbox rows: "now", "5m", "3h", "2d", then the date. */
export function formatAge(value: string | Date, now: Date): string {
  const date = toDate(value);
  if (!date) return '—';
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return 'now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 24 * 3600) return `${Math.floor(seconds / 3600)}h`;
  if (seconds < 7 * 24 * 3600) return `${Math.floor(seconds / (24 * 3600))}d`;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
  }).format(date);
}
