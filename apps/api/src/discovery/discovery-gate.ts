/**
 * Admission for feed discovery, which fetches pages on a person's behalf: at most
 * `maxConcurrent` at once across this API, and at most `perClientPerMinute` per client. A flood
 * is refused at the door in plain words instead of queuing fetches that starve everyone else.
 */
export type Admission =
  | { ok: true; release(): void }
  | { ok: false; reason: 'busy' | 'rate'; retryAfterSeconds: number; message: string };

export interface DiscoveryGate {
  enter(client: string, now: number): Admission;
  inFlight(): number;
}

const WINDOW_MS = 60_000;
/** Clients remembered for rate limiting; the oldest are forgotten beyond this. */
const MAX_TRACKED_CLIENTS = 10_000;

export function createDiscoveryGate(options: {
  maxConcurrent: number;
  perClientPerMinute: number;
}): DiscoveryGate {
  let running = 0;
  const recent = new Map<string, number[]>();
  return {
    inFlight: () => running,
    enter(client, now) {
      const times = (recent.get(client) ?? []).filter((t) => now - t < WINDOW_MS);
      if (times.length >= options.perClientPerMinute) {
        const retryAfterSeconds = Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1000));
        return {
          ok: false,
          reason: 'rate',
          retryAfterSeconds,
          message: `You have looked for feeds ${times.length} times in the last minute. Try again in ${retryAfterSeconds} seconds.`,
        };
      }
      if (running >= options.maxConcurrent) {
        return {
          ok: false,
          reason: 'busy',
          retryAfterSeconds: 5,
          message: 'Several feed searches are already running. Try again in a few seconds.',
        };
      }
      times.push(now);
      recent.delete(client);
      recent.set(client, times);
      if (recent.size > MAX_TRACKED_CLIENTS) recent.delete(recent.keys().next().value!);
      running++;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          running--;
        },
      };
    },
  };
}
