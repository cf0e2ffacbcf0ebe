/** The API's limits on how often a source is checked, in seconds. */
export const MIN_INTERVAL_SECONDS = 30;
export const MAX_INTERVAL_SECONDS = 86_400;
/** People set intervals in minutes, to the half minute. */
export const MINUTE_STEP = 0.5;

export function secondsToMinutes(seconds: number): number {
  return seconds / 60;
}

export function minutesToSeconds(minutes: number): number {
  return Math.round(minutes * 60);
}

/** "5 min", "0.5 min", "1,440 min": what the table shows for an interval. */
export function formatInterval(seconds: number): string {
  const minutes = secondsToMinutes(seconds).toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return `${minutes} min`;
}

/** The minutes as typed into the field ("5", "0.5", "1,5" with a decimal comma). */
export function minutesInputValue(seconds: number): string {
  return String(Math.round(secondsToMinutes(seconds) * 100) / 100);
}

export type IntervalParse = { ok: true; seconds: number } | { ok: false; message: string };

/** Reads minutes typed by a person into the seconds the API takes, or says what to fix. */
export function parseMinutes(text: string): IntervalParse {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, message: 'Enter how often to check, in minutes' };
  const minutes = Number(trimmed);
  if (!Number.isFinite(minutes)) {
    return { ok: false, message: 'Enter a number of minutes, such as 5 or 0.5' };
  }
  const seconds = minutesToSeconds(minutes);
  if (seconds < MIN_INTERVAL_SECONDS) {
    return { ok: false, message: 'Check at most every half minute (0.5)' };
  }
  if (seconds > MAX_INTERVAL_SECONDS) {
    return { ok: false, message: 'Check at least once a day (1440 minutes)' };
  }
  return { ok: true, seconds };
}
