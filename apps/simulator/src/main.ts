import { pino } from 'pino';
import { readConfig } from './config.ts';
import { startSimulator } from './index.ts';

// Usage: tsx apps/simulator/src/main.ts [--host H] [--port N] [--scenario demo|bench|path]
//        [--rate N] [--seed N] [--start-with N] [--feed-count N] [--log-level info]
const result = readConfig(process.argv.slice(2), process.env);
if (!result.ok) {
  process.stderr.write(`simulator: invalid configuration\n  - ${result.problems.join('\n  - ')}\n`);
  process.exit(1);
}
const { config } = result;
const logger = pino({ name: 'simulator', level: config.logLevel });

let simulator: Awaited<ReturnType<typeof startSimulator>>;
try {
  simulator = await startSimulator({
    host: config.host,
    port: config.port,
    scenario: config.scenario,
    ratePerMinute: config.rate,
    seed: config.seed,
    startWith: config.startWith,
    feedCount: config.feedCount,
    logger,
  });
} catch (error) {
  logger.fatal({ err: error }, 'unable to start the simulator');
  process.exit(1);
}
logger.info({ feeds: simulator.feeds.map((feed) => feed.url) }, 'feeds ready');

let stopping = false;
const stop = (signal: string) => {
  if (stopping) {
    logger.warn({ signal }, 'second signal, exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'stopping');
  simulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'unable to close cleanly');
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
