/** The quota day a moment falls in: YouTube's daily quota resets at midnight Pacific time. */
export function quotaDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Daily units a YouTube Data API project gets unless Google granted more. */
export const YOUTUBE_DAILY_QUOTA = 10_000;
