/**
 * Mastodon's rack-attack throttles as headers: 300 per 5 min per token or IP, and a separate
 * 300 per 15 min for paging requests (max_id/min_id/since_id). The reset is ISO 8601 with
 * microseconds; a 429 carries no Retry-After.
 */
export type RateLimiter = {
  /** Counts the request; returns its headers and whether it is over the limit. */
  hit(key: string, paging: boolean): { headers: Record<string, string>; limited: boolean };
  setLimit(limit: number): void;
};

export function createRateLimiter(now: () => Date, limit = 300): RateLimiter {
  const buckets = new Map<string, { count: number; resetAt: number }>();
  let current = limit;
  return {
    setLimit(value) {
      current = value;
      buckets.clear();
    },
    hit(key, paging) {
      const bucketKey = `${paging ? 'paging' : 'api'}:${key}`;
      const period = paging ? 15 * 60_000 : 5 * 60_000;
      const at = now().getTime();
      let bucket = buckets.get(bucketKey);
      if (!bucket || bucket.resetAt <= at) {
        bucket = { count: 0, resetAt: Math.ceil((at + period) / 1000) * 1000 };
        buckets.set(bucketKey, bucket);
      }
      bucket.count += 1;
      const remaining = Math.max(0, current - bucket.count);
      return {
        limited: bucket.count > current,
        headers: {
          'X-RateLimit-Limit': String(current),
          'X-RateLimit-Remaining': String(remaining),
          'X-RateLimit-Reset': new Date(bucket.resetAt).toISOString().replace('Z', '000Z'),
        },
      };
    },
  };
}
