import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import closeWithGrace from 'close-with-grace';

export interface RunningService {
  close(): Promise<void>;
}

/**
 * True when this module is the process's entry point. Compared as real file URLs: a symlinked
 * install path or a space in it must still start the service.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(realpathSync(entry)).href;
}

/** How long a service may take to close before it gives up and exits non-zero. */
export const DEFAULT_CLOSE_DEADLINE_MS = 15_000;

/**
 * The one way api and worker run as processes: start, then on SIGINT/SIGTERM (or an uncaught
 * error) close once, within a deadline. A close that overruns exits 1 and says so, rather than
 * hanging a deployment's restart.
 */
export function runService(
  name: string,
  start: () => Promise<RunningService>,
  options: { closeDeadlineMs?: number } = {},
): void {
  const deadline = options.closeDeadlineMs ?? DEFAULT_CLOSE_DEADLINE_MS;
  start().then(
    (service) => {
      closeWithGrace({ delay: deadline }, async ({ signal, err }) => {
        if (err)
          process.stderr.write(`${name}: stopping after an unexpected error: ${err.message}\n`);
        const timer = setTimeout(() => {
          process.stderr.write(
            `${name}: could not close within ${deadline} ms after ${signal ?? 'an error'}; abandoning open work (unfinished jobs are retried by another worker)\n`,
          );
        }, deadline - 50);
        timer.unref();
        await service.close();
        clearTimeout(timer);
      });
    },
    (error: unknown) => {
      process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
