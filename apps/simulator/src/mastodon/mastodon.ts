import { WebSocketServer } from 'ws';
import type { RequestContext, Route } from '../http/route.ts';
import { authorFrom } from '../social/generate.ts';
import {
  bearerToken,
  type PlatformDeps,
  recordAndFault,
  sendApiJson,
  type UpgradeHandler,
} from '../social/platform-http.ts';
import type { PostInput } from '../social/post-input.ts';
import { createSocialWorld, type SocialPost, type SocialWorld } from '../social/world.ts';
import { createRateLimiter } from './rate-limit.ts';
import { hashtagsOf, renderStatus } from './render.ts';
import { mastodonStreaming } from './streaming.ts';

export const MASTODON_TOKEN = 'sim-mastodon-token';
const FIRST_ID = 113_456_789_012_345_000n;
const MAX_LIMIT = 40;

export type MastodonFake = {
  world: SocialWorld;
  routes: Route[];
  upgrade: UpgradeHandler;
  tokens: Set<string>;
  /** Tag timelines answer 401 without a token (an instance with public previews off). */
  setRestricted(restricted: boolean): void;
  setRateLimit(limit: number): void;
  /** Cuts every open streaming connection (to test reconnect and catch-up). */
  dropStreams(): void;
  /** The handles whose mentions appear in the notifications of the trust's account. */
  accountHandles: string[];
  /** A new post (or reply); hashtags in the text become its tags. */
  post(input: PostInput): SocialPost;
  /** A boost of an existing post: a wrapper status whose `reblog` is the original. */
  boost(id: string, by?: string): SocialPost;
  close(): void;
};

export function createMastodonFake(deps: PlatformDeps, accountHandles: string[]): MastodonFake {
  const world = createSocialWorld('mastodon', (seq) => String(FIRST_ID + BigInt(seq)), deps.now);
  const tokens = new Set([MASTODON_TOKEN]);
  const limiter = createRateLimiter(deps.now);
  let restricted = false;
  const wss = new WebSocketServer({ noServer: true });
  const handles = accountHandles.map((h) => h.toLowerCase());
  const mentionsAccount = (post: SocialPost) =>
    handles.some((h) => post.text.toLowerCase().includes(h));

  /** Auth and throttling shared by every REST route; returns the token, or false if answered. */
  const admit = (context: RequestContext): { token: string | null } | false => {
    if (recordAndFault(context, 'mastodon', deps)) return false;
    const token = bearerToken(context.req);
    const paging = ['max_id', 'min_id', 'since_id'].some((p) => context.url.searchParams.has(p));
    const rate = limiter.hit(token ?? context.req.socket.remoteAddress ?? 'ip', paging);
    for (const [name, value] of Object.entries(rate.headers)) context.res.setHeader(name, value);
    if (token !== null && !tokens.has(token)) {
      sendApiJson(context, 401, { error: 'The access token is invalid' });
      return false;
    }
    if (rate.limited) {
      sendApiJson(context, 429, { error: 'Too many requests' });
      return false;
    }
    return { token };
  };

  const page = (context: RequestContext, posts: SocialPost[], path: string) => {
    const params = context.url.searchParams;
    const limit = Math.min(MAX_LIMIT, Number(params.get('limit') ?? 20) || 20);
    const maxId = params.get('max_id');
    const sinceId = params.get('since_id');
    const minId = params.get('min_id');
    let list = posts; // newest first
    if (maxId) list = list.filter((p) => BigInt(p.id) < BigInt(maxId));
    if (sinceId) list = list.filter((p) => BigInt(p.id) > BigInt(sinceId));
    // min_id: the page right after it, so the oldest `limit` of the newer ones.
    if (minId) list = list.filter((p) => BigInt(p.id) > BigInt(minId)).slice(-limit);
    else list = list.slice(0, limit);
    const base = `${deps.baseUrl()}/mastodon${path}`;
    const headers: Record<string, string> = {};
    if (list.length > 0) {
      const keep = new URLSearchParams(params);
      for (const p of ['max_id', 'min_id', 'since_id']) keep.delete(p);
      const with_ = (name: string, id: string) => {
        const q = new URLSearchParams(keep);
        q.set(name, id);
        return `${base}?${q}`;
      };
      headers.Link = `<${with_('max_id', list.at(-1)!.id)}>; rel="next", <${with_('min_id', list[0]!.id)}>; rel="prev"`;
    }
    return { list, headers };
  };

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v2\/instance$/,
      handle(context) {
        if (!admit(context)) return;
        sendApiJson(context, 200, {
          domain: 'social.example',
          title: 'Social Example',
          version: '4.5.0',
          configuration: {
            urls: { streaming: `${deps.baseUrl().replace(/^http/, 'ws')}/mastodon` },
            timelines_access: {
              hashtag_feeds: {
                local: restricted ? 'authenticated' : 'public',
                remote: restricted ? 'authenticated' : 'public',
              },
            },
          },
        });
      },
    },
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v1\/timelines\/tag\/([^/]+)$/,
      handle(context) {
        const admitted = admit(context);
        if (!admitted) return;
        if (restricted && !admitted.token) {
          sendApiJson(context, 401, { error: 'The access token is invalid' });
          return;
        }
        const tag = decodeURIComponent(context.params[0]!).toLowerCase();
        const tagged = world.list().filter((p) => {
          const original = p.boostOf ? world.find(p.boostOf) : p;
          return !!original && !original.deletedAt && original.tags.includes(tag);
        });
        const { list, headers } = page(
          context,
          tagged,
          `/api/v1/timelines/tag/${context.params[0]}`,
        );
        sendApiJson(
          context,
          200,
          list.map((p) => renderStatus(p, world)),
          headers,
        );
      },
    },
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v2\/search$/,
      handle(context) {
        const admitted = admit(context);
        if (!admitted) return;
        if (!admitted.token && context.url.searchParams.has('offset')) {
          sendApiJson(context, 401, { error: 'The access token is invalid' });
          return;
        }
        const q = (context.url.searchParams.get('q') ?? '').toLowerCase();
        // Status search needs a signed-in user (and Elasticsearch); anonymous gets none.
        const found = admitted.token
          ? world.list().filter((p) => !p.boostOf && p.text.toLowerCase().includes(q))
          : [];
        const { list } = page(context, found, '/api/v2/search');
        sendApiJson(context, 200, {
          accounts: [],
          hashtags: [],
          statuses: list.map((p) => renderStatus(p, world)),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v1\/notifications$/,
      handle(context) {
        const admitted = admit(context);
        if (!admitted) return;
        if (!admitted.token) {
          sendApiJson(context, 401, { error: 'The access token is invalid' });
          return;
        }
        const mentioning = world.list().filter((p) => !p.boostOf && mentionsAccount(p));
        const { list, headers } = page(context, mentioning, '/api/v1/notifications');
        sendApiJson(
          context,
          200,
          list.map((p) => notification(p, world)),
          headers,
        );
      },
    },
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v1\/statuses\/(\d+)$/,
      handle(context) {
        if (!admit(context)) return;
        const post = world.find(context.params[0]!);
        if (!post || post.deletedAt)
          return sendApiJson(context, 404, { error: 'Record not found' });
        sendApiJson(context, 200, renderStatus(post, world));
      },
    },
    {
      method: 'GET',
      path: /^\/mastodon\/api\/v1\/statuses\/(\d+)\/context$/,
      handle(context) {
        const admitted = admit(context);
        if (!admitted) return;
        const post = world.find(context.params[0]!);
        if (!post || post.deletedAt)
          return sendApiJson(context, 404, { error: 'Record not found' });
        const ancestors: SocialPost[] = [];
        for (
          let p = post.parentId ? world.find(post.parentId) : undefined;
          p;
          p = p.parentId ? world.find(p.parentId) : undefined
        ) {
          if (!p.deletedAt) ancestors.unshift(p);
        }
        const descendants: SocialPost[] = [];
        const walk = (id: string, depth: number) => {
          if (depth > 20 && !admitted.token) return;
          for (const reply of world.replies(id)) {
            descendants.push(reply);
            walk(reply.id, depth + 1);
          }
        };
        walk(post.id, 1);
        const capUp = admitted.token ? 4096 : 40;
        const capDown = admitted.token ? 4096 : 60;
        sendApiJson(context, 200, {
          ancestors: ancestors.slice(-capUp).map((p) => renderStatus(p, world)),
          descendants: descendants.slice(0, capDown).map((p) => renderStatus(p, world)),
        });
      },
    },
  ];

  const streaming = mastodonStreaming({ world, wss, tokens, mentionsAccount, notification });
  return {
    world,
    routes,
    upgrade: streaming.upgrade,
    tokens,
    accountHandles,
    setRestricted(value) {
      restricted = value;
    },
    setRateLimit: (limit) => limiter.setLimit(limit),
    dropStreams: streaming.dropAll,
    post(input) {
      return world.add({
        author: input.author,
        text: input.text,
        html: input.html,
        tags: hashtagsOf(input.text),
        ...(input.parentId ? { parentId: input.parentId } : {}),
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
    },
    boost(id, by = 'booster') {
      const original = world.find(id);
      if (!original) throw new Error(`no mastodon post ${id}`);
      return world.add({ author: authorFrom(by), text: '', html: '', boostOf: id });
    },
    close() {
      streaming.dropAll();
      wss.close();
    },
  };
}

function notification(post: SocialPost, world: SocialWorld) {
  return {
    id: post.id,
    type: 'mention',
    created_at: post.createdAt.toISOString(),
    account: renderStatus(post, world).account,
    status: renderStatus(post, world),
  };
}
