/**
 * At most one request in flight per host, within this process: callers for the same host queue
 * behind each other, other hosts run freely. (Across worker processes the poll job adds a Redis
 * lock keyed by host.)
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const key = hostKey(url);
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/** The politeness key: the host name, lower-cased (ports and schemes share a host's capacity). */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
