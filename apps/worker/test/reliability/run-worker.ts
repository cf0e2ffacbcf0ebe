/**
 * A real worker process with short lock timings, so a test can SIGKILL it and see its active jobs
 * recovered within seconds. TEST_SCHEDULE_REFRESH_MS shortens how often schedules are re-installed.
 */
import { loadWorkerConfig } from '../../src/config.ts';
import { startWorker } from '../../src/main.ts';

const refresh = Number(process.env.TEST_SCHEDULE_REFRESH_MS ?? '');
const worker = await startWorker(loadWorkerConfig(), {
  lockDurationMs: 2000,
  stalledIntervalMs: 1000,
  ...(refresh > 0 ? { scheduleRefreshMs: refresh } : {}),
});
process.stdout.write('worker ready\n');
const stop = () => {
  worker.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
