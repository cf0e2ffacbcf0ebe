/**
 * Back-fills running at once, with a short line behind them. A reconnect storm (every dashboard
 * resuming after an API restart) is served a few at a time on the back-fill's own small pool;
 * dashboards beyond the line are told to come back shortly, and the API's own queries never wait
 * behind them.
 */
export interface BackfillSlots {
  /** Resolves with a release function once a slot is free, or null at once if the line is full. */
  take(): Promise<(() => void) | null>;
  running(): number;
  waiting(): number;
}

export function createBackfillSlots(options: {
  concurrency: number;
  queueLimit: number;
}): BackfillSlots {
  let running = 0;
  const line: ((release: () => void) => void)[] = [];
  const release = () => {
    const next = line.shift();
    if (next) next(once());
    else running--;
  };
  const once = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };
  return {
    take() {
      if (running < options.concurrency) {
        running++;
        return Promise.resolve(once());
      }
      if (line.length >= options.queueLimit) return Promise.resolve(null);
      return new Promise((resolve) => line.push(resolve));
    },
    running: () => running,
    waiting: () => line.length,
  };
}
