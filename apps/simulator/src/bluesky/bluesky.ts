import { WebSocketServer } from 'ws';
import { readJson, sendBody } from '../http/respond.ts';
import type { RequestContext, Route } from '../http/route.ts';
import {
  bearerToken,
  type PlatformDeps,
  recordAndFault,
  sendApiJson,
  type UpgradeHandler,
} from '../social/platform-http.ts';
import type { PostInput } from '../social/post-input.ts';
import { createSocialWorld, type SocialPost, type SocialWorld } from '../social/world.ts';
import { createJetstream } from './jetstream.ts';
import { postView, uriOf } from './render.ts';

export const BLUESKY_HANDLE = 'northfield.bsky.social';
export const BLUESKY_APP_PASSWORD = 'sim-app-password';
const LOGINS_PER_WINDOW = 5;
const LOGIN_WINDOW_MS = 5 * 60_000;

export type BlueskyFake = {
  world: SocialWorld;
  routes: Route[];
  upgrade: UpgradeHandler;
  post(input: PostInput): SocialPost;
  /** Every access token issued so far answers 400 ExpiredToken from now on. */
  expireAccessTokens(): void;
  logins(): number;
  jetstream: ReturnType<typeof createJetstream>;
  close(): void;
};

export function createBlueskyFake(deps: PlatformDeps): BlueskyFake {
  const world = createSocialWorld(
    'bluesky',
    (seq) => `3mm${seq.toString(36).padStart(10, '0')}`,
    deps.now,
  );
  const wss = new WebSocketServer({ noServer: true });
  const jetstream = createJetstream(world, wss, deps.now);
  const access = new Map<string, { expired: boolean }>();
  const refresh = new Set<string>();
  const loginTimes: number[] = [];
  let issued = 0;
  let loginCount = 0;

  const issue = () => {
    issued += 1;
    const accessJwt = `sim-access-${issued}`;
    const refreshJwt = `sim-refresh-${issued}`;
    access.set(accessJwt, { expired: false });
    refresh.add(refreshJwt);
    return {
      accessJwt,
      refreshJwt,
      did: 'did:plc:northfieldtrust',
      handle: BLUESKY_HANDLE,
      active: true,
    };
  };

  /** Answers the auth problem, or returns true when the caller holds a live session. */
  const authorised = (context: RequestContext): boolean => {
    const token = bearerToken(context.req);
    if (!token) {
      // What public.api.bsky.app does to search since 2025: an HTML page, not an XRPC error.
      sendBody(
        context,
        403,
        '<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>',
        {
          'Content-Type': 'text/html',
        },
      );
      return false;
    }
    const session = access.get(token);
    if (!session) {
      sendApiJson(context, 401, { error: 'InvalidToken', message: 'Bad token' });
      return false;
    }
    if (session.expired) {
      sendApiJson(context, 400, { error: 'ExpiredToken', message: 'Token has expired' });
      return false;
    }
    return true;
  };

  const find = (uri: string) => {
    const rkey = /\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)?.[1];
    const post = rkey ? world.find(rkey) : undefined;
    return post && uriOf(post) === uri ? post : undefined;
  };

  const threadNode = (
    post: SocialPost,
    depth: number,
    up: number,
    withParent: boolean,
  ): unknown => {
    if (post.deletedAt)
      return { $type: 'app.bsky.feed.defs#notFoundPost', uri: uriOf(post), notFound: true };
    const node: Record<string, unknown> = {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: postView(post, world),
    };
    if (withParent && up > 0 && post.parentId) {
      const parent = world.find(post.parentId);
      if (parent) node.parent = threadNode(parent, 0, up - 1, true);
    }
    if (depth > 0) {
      node.replies = world.replies(post.id).map((reply) => threadNode(reply, depth - 1, 0, false));
    }
    return node;
  };

  const routes: Route[] = [
    {
      method: 'POST',
      path: /^\/bsky\/xrpc\/com\.atproto\.server\.createSession$/,
      async handle(context) {
        if (recordAndFault(context, 'bluesky', deps)) return;
        const body = (await readJson(context.req)) as { identifier?: string; password?: string };
        const at = deps.now().getTime();
        while (loginTimes.length > 0 && loginTimes[0]! <= at - LOGIN_WINDOW_MS) loginTimes.shift();
        if (loginTimes.length >= LOGINS_PER_WINDOW) {
          const reset = Math.ceil((loginTimes[0]! + LOGIN_WINDOW_MS) / 1000);
          return sendApiJson(
            context,
            429,
            { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
            {
              'RateLimit-Limit': '30',
              'RateLimit-Remaining': '0',
              'RateLimit-Reset': String(reset),
              'RateLimit-Policy': '30;w=300',
            },
          );
        }
        loginTimes.push(at);
        loginCount += 1;
        if (
          body.identifier?.toLowerCase() !== BLUESKY_HANDLE ||
          body.password !== BLUESKY_APP_PASSWORD
        ) {
          return sendApiJson(context, 401, {
            error: 'AuthenticationRequired',
            message: 'Invalid identifier or password',
          });
        }
        sendApiJson(context, 200, issue());
      },
    },
    {
      method: 'POST',
      path: /^\/bsky\/xrpc\/com\.atproto\.server\.refreshSession$/,
      handle(context) {
        if (recordAndFault(context, 'bluesky', deps)) return;
        const token = bearerToken(context.req);
        if (!token || !refresh.has(token)) {
          return sendApiJson(context, 400, { error: 'ExpiredToken', message: 'Token has expired' });
        }
        refresh.delete(token);
        sendApiJson(context, 200, issue());
      },
    },
    {
      method: 'GET',
      path: /^\/bsky\/xrpc\/app\.bsky\.feed\.searchPosts$/,
      handle(context) {
        if (recordAndFault(context, 'bluesky', deps)) return;
        if (!authorised(context)) return;
        const params = context.url.searchParams;
        const q = (params.get('q') ?? '').replace(/"/g, '').trim().toLowerCase();
        if (!q)
          return sendApiJson(context, 400, {
            error: 'BadQueryString',
            message: 'Error: Params must have the property "q"',
          });
        const since = Date.parse(params.get('since') ?? '');
        const limit = Math.min(100, Math.max(1, Number(params.get('limit') ?? 25) || 25));
        const offset = Number(params.get('cursor') ?? 0) || 0;
        const hits = world
          .list()
          .filter((p) => p.text.toLowerCase().includes(q))
          .filter((p) => !Number.isFinite(since) || p.createdAt.getTime() >= since);
        const page = hits.slice(offset, offset + limit);
        const body: Record<string, unknown> = { posts: page.map((p) => postView(p, world)) };
        if (offset === 0) body.hitsTotal = hits.length;
        if (offset + limit < hits.length) body.cursor = String(offset + limit);
        sendApiJson(context, 200, body);
      },
    },
    {
      method: 'GET',
      path: /^\/bsky\/xrpc\/app\.bsky\.feed\.getPostThread$/,
      handle(context) {
        if (recordAndFault(context, 'bluesky', deps)) return;
        const token = bearerToken(context.req);
        if (token && !access.has(token))
          return sendApiJson(context, 401, { error: 'InvalidToken', message: 'Bad token' });
        const uri = context.url.searchParams.get('uri') ?? '';
        const post = find(uri);
        if (!post || post.deletedAt)
          return sendApiJson(context, 400, {
            error: 'NotFound',
            message: `Post not found: ${uri}`,
          });
        const depth = Math.min(1000, Number(context.url.searchParams.get('depth') ?? 6));
        const parentHeight = Math.min(
          1000,
          Number(context.url.searchParams.get('parentHeight') ?? 80),
        );
        sendApiJson(context, 200, { thread: threadNode(post, depth, parentHeight, true) });
      },
    },
  ];

  return {
    world,
    routes,
    upgrade: jetstream.upgrade,
    jetstream,
    post(input) {
      return world.add({
        author: input.author,
        text: input.text,
        html: input.html,
        ...(input.parentId ? { parentId: input.parentId } : {}),
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
    },
    expireAccessTokens() {
      for (const session of access.values()) session.expired = true;
    },
    logins: () => loginCount,
    close() {
      jetstream.dropAll();
      wss.close();
    },
  };
}
