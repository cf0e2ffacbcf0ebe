import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import closeWithGrace from 'close-with-grace';

export interface RunningService {
  /** Rejects, saying what it gave up on, when it could not close everything cleanly. */
  close(): Promise<void>;
  /** What the close is still waiting for, named when the deadline passes. */
  pending?(): string;
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
  const say = (line: string) => process.stderr.write(`${name}: ${line}\n`);
  start().then(
    (service) => {
      closeWithGrace(
        {
          delay: deadline,
          logger: { error: (e: unknown) => say(e instanceof Error ? e.message : String(e)) },
          onTimeout: () =>
            say(
              `could not close within ${deadline} ms; abandoning ${service.pending?.() ?? 'open work'} (unfinished jobs are retried by another worker)`,
            ),
        },
        async ({ signal, err }) => {
          if (err) say(`stopping after an unexpected error: ${err.message}`);
          else say(`closing after ${signal ?? 'exit'}`);
          await service.close();
        },
      );
    },
    (error: unknown) => {
      say(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
