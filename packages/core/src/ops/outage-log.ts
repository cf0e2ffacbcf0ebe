/**
 * Turns a stream of "it failed again" / "it worked" into the few log lines an operator needs:
 * one when a store stops answering, one summary per period while it stays down (how many
 * attempts were held), and one when it answers again. A Postgres refusal used to log ~16
 * warnings a second; this logs one line per state change plus one per period.
 */
export interface OutageLog {
  /** A failure now: the line to log, or null when it is already reported. */
  failed(now: number): string | null;
  /** A success now: the recovery line if the store was down, else null. */
  succeeded(now: number): string | null;
  isDown(): boolean;
}

export function createOutageLog(
  what: string,
  options: { summaryEveryMs?: number } = {},
): OutageLog {
  const every = options.summaryEveryMs ?? 30_000;
  let downSince: number | null = null;
  let lastSummary = 0;
  let total = 0;
  let sinceSummary = 0;
  return {
    failed(now) {
      total++;
      sinceSummary++;
      if (downSince === null) {
        downSince = now;
        lastSummary = now;
        sinceSummary = 0;
        return `${what} is not answering; holding work until it does`;
      }
      if (now - lastSummary < every) return null;
      const line = `${what} still not answering after ${Math.round((now - downSince) / 1000)} s (${sinceSummary} attempts held in the last ${Math.round((now - lastSummary) / 1000)} s)`;
      lastSummary = now;
      sinceSummary = 0;
      return line;
    },
    succeeded(now) {
      if (downSince === null) return null;
      const line = `${what} answering again after ${Math.round((now - downSince) / 1000)} s (${total} attempts held)`;
      downSince = null;
      total = 0;
      sinceSummary = 0;
      return line;
    },
    isDown: () => downSince !== null,
  };
}
