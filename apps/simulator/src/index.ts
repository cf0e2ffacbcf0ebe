import { randomInt } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Logger, pino } from 'pino';
import { controlRoutes } from './control/routes.ts';
import { BenchModeError } from './errors.ts';
import { createBenchFeeds } from './feeds/bench.ts';
import { liveFeedList, serveLiveFeed } from './feeds/live.ts';
import type { Route } from './http/route.ts';
import type { FeedInfo, SimItem } from './item.ts';
import { createRandom } from './random.ts';
import { loadScenario } from './scenario/load.ts';
import { createHttpServer } from './server.ts';
import { createSocialHub, type SocialHub } from './social/hub.ts';
import { createStore } from './store.ts';
import { createTimeline } from './timeline.ts';

export { BLUESKY_APP_PASSWORD, BLUESKY_HANDLE } from './bluesky/bluesky.ts';
export { CARE_OPINION_KEY } from './care-opinion/care-opinion.ts';
export { BenchModeError, UnknownFeedError } from './errors.ts';
export type { FeedInfo, SimItem } from './item.ts';
export { MASTODON_TOKEN } from './mastodon/mastodon.ts';
export { REDDIT_CLIENT_ID, REDDIT_CLIENT_SECRET } from './reddit/reddit.ts';
export { loadScenario, SCENARIO_DIR, ScenarioError } from './scenario/load.ts';
export type { Fault } from './social/faults.ts';
export type { SocialHub } from './social/hub.ts';
export type { RecordedRequest } from './social/requests.ts';
export type { Platform, SocialPost } from './social/world.ts';
export { YOUTUBE_CHANNEL, YOUTUBE_KEY } from './youtube/youtube.ts';

export type SimulatorOptions = {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** A file name in apps/simulator/scenarios (without .json) or a path to a scenario file. */
  scenario?: string;
  /** Overrides the scenario's rate. */
  ratePerMinute?: number;
  /** Same seed, same texts in the same order. */
  seed?: number;
  /** Items already in the feeds at start, dated in the recent past. */
  startWith?: number;
  /** Bench scenario: how many feeds. */
  feedCount?: number;
  /** The clock; tests pass a fake one and call tick() themselves. */
  now?: () => Date;
  /** Whether a timer calls tick() every tickMs (default true). */
  autoTick?: boolean;
  tickMs?: number;
  logger?: Logger;
};

export type Simulator = {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  scenario: string;
  feeds: FeedInfo[];
  /** Adds an item at the top of a feed immediately. */
  publish(feed: string, item?: Partial<SimItem>): SimItem;
  /** Adds the items due since the last tick (at ratePerMinute); returns them. */
  tick(): SimItem[];
  /** A feed's items, newest first. */
  items(feed: string): readonly SimItem[];
  /** The fake social platforms (Mastodon, ...): their posts, faults and recorded requests. */
  social: SocialHub;
  close(): Promise<void>;
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const now = options.now ?? (() => new Date());
  const scenario = loadScenario(options.scenario ?? 'demo');
  const seed = options.seed ?? randomInt(2 ** 31);
  const random = createRandom(seed);
  const startedAt = now();
  const runId = startedAt.getTime().toString(36);
  let baseUrl = '';
  const getBaseUrl = () => baseUrl;

  let routes: Route[];
  let listFeeds: () => FeedInfo[];
  let publish: Simulator['publish'];
  let tick: Simulator['tick'] = () => [];
  let items: Simulator['items'] = () => [];

  if (scenario.mode === 'bench') {
    const bench = createBenchFeeds({
      scenario: { ...scenario, feedCount: options.feedCount ?? scenario.feedCount },
      random,
      now,
      runId,
      baseUrl: getBaseUrl,
    });
    routes = [{ method: 'GET', path: FEED_PATH, handle: bench.serve }];
    listFeeds = bench.list;
    publish = () => {
      throw new BenchModeError(
        'bench feeds make fresh items on every fetch; publish is for live scenarios',
      );
    };
  } else {
    const store = createStore(
      scenario.feeds.map((feed) => feed.name),
      startedAt,
    );
    const timeline = createTimeline({
      scenario,
      store,
      random,
      now,
      runId,
      ratePerMinute: options.ratePerMinute ?? scenario.ratePerMinute,
    });
    timeline.backfill(options.startWith ?? 0);
    const deps = { scenario, store, runId, baseUrl: getBaseUrl };
    routes = [{ method: 'GET', path: FEED_PATH, handle: serveLiveFeed(deps) }];
    listFeeds = () => liveFeedList(deps);
    publish = (feed, item) => timeline.publish(feed, item);
    tick = () => timeline.tick();
    items = (feed) => store.items(feed);
  }

  const social = createSocialHub({
    content: scenario.content,
    config: scenario.mode === 'live' ? scenario.social : undefined,
    random: createRandom(seed + 1),
    now,
    baseUrl: getBaseUrl,
    logger,
  });
  if (scenario.mode === 'live') social.backfill(Math.ceil((options.startWith ?? 0) / 2));
  routes.push(
    ...social.routes,
    ...controlRoutes({ feeds: () => listFeeds(), publish: (feed, item) => publish(feed, item) }),
    {
      method: 'GET',
      path: /^\/healthz$/,
      handle: ({ res }) => {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('ok\n');
      },
    },
  );

  const server = createHttpServer(routes, logger);
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    if (!social.upgrade(req, socket, head, url)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const timer =
    options.autoTick === false || scenario.mode === 'bench'
      ? undefined
      : setInterval(() => {
          social.tick();
          const created = tick();
          if (created.length > 0) logger.debug({ count: created.length }, 'items published');
        }, options.tickMs ?? 1000);
  timer?.unref();

  logger.info(
    { url: baseUrl, scenario: scenario.name, seed, mode: scenario.mode },
    'simulator listening',
  );
  return {
    url: baseUrl,
    scenario: scenario.name,
    feeds: listFeeds(),
    publish: (feed, item = {}) => publish(feed, item),
    tick: () => tick(),
    items: (feed) => items(feed),
    social,
    close: async () => {
      if (timer) clearInterval(timer);
      social.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

const FEED_PATH = /^\/feeds\/([a-z0-9][a-z0-9-]*)\.(rss|atom)$/;
