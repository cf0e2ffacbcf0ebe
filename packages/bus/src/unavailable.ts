/** ioredis's ways of saying "Redis cannot be reached right now", as opposed to a bad command. */
const REDIS_DOWN =
  /Connection is closed|Stream isn't writeable|Reached the max retries per request limit|connect ECONNREFUSED|ECONNRESET|ETIMEDOUT|Command timed out/i;

/** True when an error (or one it wraps) says Redis is unreachable. */
export function isRedisUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current.name === 'MaxRetriesPerRequestError' || REDIS_DOWN.test(current.message)) {
      return true;
    }
    current = current.cause;
  }
  return false;
}
