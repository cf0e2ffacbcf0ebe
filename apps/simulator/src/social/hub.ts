import type { Logger } from 'pino';
import { type BlueskyFake, createBlueskyFake } from '../bluesky/bluesky.ts';
import { type CareOpinionFake, createCareOpinionFake } from '../care-opinion/care-opinion.ts';
import type { Route } from '../http/route.ts';
import { createMastodonFake, type MastodonFake } from '../mastodon/mastodon.ts';
import type { Random } from '../random.ts';
import { createRedditFake, type RedditFake } from '../reddit/reddit.ts';
import type { Content, SocialConfig } from '../scenario/schema.ts';
import { createYoutubeFake, type YoutubeFake } from '../youtube/youtube.ts';
import { createFaults, type Faults } from './faults.ts';
import { authorFrom, generatePost } from './generate.ts';
import type { UpgradeHandler } from './platform-http.ts';
import type { PostInput } from './post-input.ts';
import { createRequestLog, type RequestLog } from './requests.ts';
import type { Platform, SocialPost, SocialWorld } from './world.ts';

export type PublishInput = { text?: string; author?: string; replyTo?: string; title?: string };

export type SocialHub = {
  mastodon: MastodonFake;
  bluesky: BlueskyFake;
  reddit: RedditFake;
  youtube: YoutubeFake;
  careopinion: CareOpinionFake;
  faults: Faults;
  requests: RequestLog;
  routes: Route[];
  upgrade: UpgradeHandler;
  world(platform: Platform): SocialWorld;
  /** A post on one platform now: generated from the pools unless text is given. */
  publish(platform: Platform, input?: PublishInput): SocialPost;
  /** The posts due since the last tick at the scenario's social rate. */
  tick(): SocialPost[];
  /** Posts dated in the recent past, so the demo starts with conversations. */
  backfill(count: number): void;
  close(): void;
};

type Fake = { world: SocialWorld; post(input: PostInput): SocialPost };

const DEFAULT_MIX = { praise: 3, complaint: 4, question: 2, sarcasm: 2 };
const RECENT_THREADS = 8;

export function createSocialHub(options: {
  content: Content;
  config: SocialConfig | undefined;
  random: Random;
  now: () => Date;
  baseUrl: () => string;
  logger: Logger;
}): SocialHub {
  const { content, random, now } = options;
  const faults = createFaults();
  const requests = createRequestLog();
  const deps = { faults, requests, now, baseUrl: options.baseUrl };
  const mastodon = createMastodonFake(deps, content.trust.handles);
  const bluesky = createBlueskyFake(deps);
  const reddit = createRedditFake(deps);
  const youtube = createYoutubeFake(deps);
  const careopinion = createCareOpinionFake(deps);
  const fakes: Record<Platform, Fake | undefined> = {
    mastodon,
    bluesky,
    reddit,
    youtube,
    careopinion,
  };
  const config = options.config;
  const mix = config?.mix ?? DEFAULT_MIX;
  let lastTick = now().getTime();
  let owed = 0;

  const fakeOf = (platform: Platform): Fake => {
    const fake = fakes[platform];
    if (!fake) throw new Error(`the ${platform} fake is not available`);
    return fake;
  };

  const publish = (platform: Platform, input: PublishInput = {}, at?: Date): SocialPost => {
    const fake = fakeOf(platform);
    const generated = generatePost(content, random, mix, 'https://social.example/tags');
    const recent = fake.world
      .list()
      .filter((p) => !p.boostOf)
      .slice(0, RECENT_THREADS);
    const replyTo =
      input.replyTo ??
      (input.text === undefined && recent.length > 0 && random.next() < (config?.replyShare ?? 0.35)
        ? random.pick(recent).id
        : undefined);
    // On Mastodon people tag what they talk about, so the trust's hashtag timeline fills up.
    const tag = content.trust.hashtags[0] ?? '';
    const tagged =
      platform === 'mastodon' &&
      input.text === undefined &&
      tag &&
      content.pools[generated.pool]?.mentionsTrust === true &&
      !generated.text.includes('#');
    const text = input.text ?? (tagged ? `${generated.text} ${tag}` : generated.text);
    const html =
      input.text === undefined
        ? tagged
          ? `${generated.html}<p><a href="https://social.example/tags/${tag.slice(1).toLowerCase()}" class="hashtag" rel="tag">${tag}</a></p>`
          : generated.html
        : `<p>${escapeText(text)}</p>`;
    return fake.post({
      author: input.author ? authorFrom(input.author) : generated.author,
      text,
      html,
      title: input.title ?? generated.title,
      ...(replyTo ? { parentId: replyTo } : {}),
      ...(at ? { createdAt: at } : {}),
    });
  };

  const platformWeights = () =>
    Object.fromEntries(
      Object.entries(config?.platforms ?? {}).filter(([p, w]) => w > 0 && fakes[p as Platform]),
    ) as Record<Platform, number>;

  return {
    mastodon,
    bluesky,
    reddit,
    youtube,
    careopinion,
    faults,
    requests,
    routes: [
      ...mastodon.routes,
      ...bluesky.routes,
      ...reddit.routes,
      ...youtube.routes,
      ...careopinion.routes,
    ],
    upgrade: (req, socket, head, url) =>
      mastodon.upgrade(req, socket, head, url) || bluesky.upgrade(req, socket, head, url),
    world: (platform) => fakeOf(platform).world,
    publish: (platform, input) => publish(platform, input),
    tick() {
      const current = now().getTime();
      const rate = config?.ratePerMinute ?? 0;
      const weights = platformWeights();
      if (current <= lastTick || rate <= 0 || Object.keys(weights).length === 0) {
        lastTick = Math.max(lastTick, current);
        return [];
      }
      owed += ((current - lastTick) * rate) / 60_000;
      const count = Math.min(Math.floor(owed), 1000);
      owed -= count;
      lastTick = current;
      const created: SocialPost[] = [];
      for (let i = 0; i < count; i += 1) created.push(publish(random.weighted(weights), {}));
      return created;
    },
    backfill(count) {
      const weights = platformWeights();
      if (Object.keys(weights).length === 0) return;
      const start = now().getTime();
      for (let i = count; i >= 1; i -= 1) {
        publish(random.weighted(weights), {}, new Date(start - i * 60_000));
      }
    },
    close() {
      mastodon.close();
      bluesky.close();
    },
  };
}

function escapeText(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!,
  );
}
