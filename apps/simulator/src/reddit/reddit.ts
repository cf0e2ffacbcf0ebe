import type { RequestContext, Route } from '../http/route.ts';
import {
  bearerToken,
  type PlatformDeps,
  recordAndFault,
  sendApiJson,
} from '../social/platform-http.ts';
import type { PostInput } from '../social/post-input.ts';
import { createSocialWorld, type SocialPost, type SocialWorld } from '../social/world.ts';
import { fullname, listing, renderComment, renderLink } from './render.ts';

export const REDDIT_CLIENT_ID = 'sim-reddit-client';
export const REDDIT_CLIENT_SECRET = 'sim-reddit-secret';
const USER_AGENT = /^[a-z]+:[\w.-]+:v?[\d.]+ \(by \/u\/\w+\)$/;
const WINDOW_SECONDS = 600;
/** Top-level comments shown before the rest go into a `more` stub. */
const SHOWN_COMMENTS = 5;
const SHOWN_DEPTH = 3;

export type RedditFake = {
  world: SocialWorld;
  routes: Route[];
  post(input: PostInput & { subreddit?: string }): SocialPost;
  /** Every token issued so far answers 401 from now on. */
  expireTokens(): void;
  setBudget(requestsPerWindow: number): void;
};

export function createRedditFake(deps: PlatformDeps): RedditFake {
  const world = createSocialWorld('reddit', (seq) => `1ab${seq.toString(36)}`, deps.now);
  const tokens = new Map<string, boolean>();
  let issued = 0;
  let budget = 100;
  let used = 0;
  let windowStart = deps.now().getTime();

  const api =
    (handle: (context: RequestContext, raw: boolean) => void) => (context: RequestContext) => {
      if (recordAndFault(context, 'reddit', deps)) return;
      const ua = context.req.headers['user-agent'] ?? '';
      if (!USER_AGENT.test(ua))
        return sendApiJson(context, 429, { message: 'Too Many Requests', error: 429 });
      const token = bearerToken(context.req);
      if (!token || tokens.get(token) !== true)
        return sendApiJson(context, 401, { message: 'Unauthorized', error: 401 });
      const at = deps.now().getTime();
      if (at - windowStart >= WINDOW_SECONDS * 1000) {
        windowStart = at;
        used = 0;
      }
      used += 1;
      const reset = Math.max(1, Math.ceil(WINDOW_SECONDS - (at - windowStart) / 1000));
      context.res.setHeader('x-ratelimit-used', String(used));
      context.res.setHeader('x-ratelimit-remaining', `${Math.max(0, budget - used).toFixed(1)}`);
      context.res.setHeader('x-ratelimit-reset', String(reset));
      if (used > budget)
        return sendApiJson(context, 429, { message: 'Too Many Requests', error: 429 });
      handle(context, context.url.searchParams.get('raw_json') === '1');
    };

  const tree = (post: SocialPost, depth: number, raw: boolean): unknown => {
    const replies = world.replies(post.id, { includeDeleted: true });
    if (replies.length === 0) return '';
    if (depth >= SHOWN_DEPTH) {
      // "continue this thread": a stub with no children to expand.
      return listing([
        {
          kind: 'more',
          data: { count: 0, name: 't1__', id: '_', parent_id: fullname(post), depth, children: [] },
        },
      ]);
    }
    return listing(
      replies.map((r) => renderComment(r, world, raw, depth, tree(r, depth + 1, raw))),
    );
  };

  const search = (context: RequestContext, raw: boolean, sub: string | null) => {
    const params = context.url.searchParams;
    const q = (params.get('q') ?? '').replace(/"/g, '').toLowerCase();
    const limit = Math.min(100, Number(params.get('limit') ?? 25) || 25);
    const after = params.get('after');
    let hits = world
      .list()
      .filter(
        (p) => !p.parentId && (sub === null || sub.split('+').includes(String(p.extra.subreddit))),
      )
      .filter((p) => `${p.title ?? ''} ${p.text}`.toLowerCase().includes(q));
    if (after) {
      const index = hits.findIndex((p) => `t3_${p.id}` === after);
      hits = index >= 0 ? hits.slice(index + 1) : [];
    }
    const page = hits.slice(0, limit);
    const next = hits.length > limit ? `t3_${page.at(-1)!.id}` : null;
    sendApiJson(
      context,
      200,
      listing(
        page.map((p) => renderLink(p, world, raw)),
        next,
      ),
    );
  };

  const routes: Route[] = [
    {
      method: 'POST',
      path: /^\/reddit\/api\/v1\/access_token$/,
      async handle(context) {
        if (recordAndFault(context, 'reddit', deps)) return;
        const basic = /^basic\s+(.+)$/i.exec(context.req.headers.authorization ?? '')?.[1] ?? '';
        const [id, secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
        let body = '';
        for await (const chunk of context.req) body += chunk;
        if (
          id !== REDDIT_CLIENT_ID ||
          secret !== REDDIT_CLIENT_SECRET ||
          !body.includes('grant_type=client_credentials')
        ) {
          return sendApiJson(context, 401, { message: 'Unauthorized', error: 401 });
        }
        issued += 1;
        const token = `sim-reddit-token-${issued}`;
        tokens.set(token, true);
        sendApiJson(context, 200, {
          access_token: token,
          token_type: 'bearer',
          expires_in: 86400,
          scope: '*',
        });
      },
    },
    {
      method: 'GET',
      path: /^\/reddit\/oauth\/search$/,
      handle: api((c, raw) => search(c, raw, null)),
    },
    {
      method: 'GET',
      path: /^\/reddit\/oauth\/r\/([\w+]+)\/search$/,
      handle: api((c, raw) => search(c, raw, c.params[0]!)),
    },
    {
      method: 'GET',
      path: /^\/reddit\/oauth\/comments\/(\w+)$/,
      handle: api((context, raw) => {
        const post = world.find(context.params[0]!);
        if (!post || post.parentId)
          return sendApiJson(context, 404, { message: 'Not Found', error: 404 });
        const top = world.replies(post.id, { includeDeleted: true });
        const shown = top
          .slice(0, SHOWN_COMMENTS)
          .map((r) => renderComment(r, world, raw, 0, tree(r, 1, raw)));
        const rest = top.slice(SHOWN_COMMENTS);
        const children: unknown[] = [...shown];
        if (rest.length > 0) {
          children.push({
            kind: 'more',
            data: {
              count: rest.length,
              name: `t1_${rest[0]!.id}`,
              id: rest[0]!.id,
              parent_id: `t3_${post.id}`,
              depth: 0,
              children: rest.map((r) => r.id),
            },
          });
        }
        sendApiJson(context, 200, [listing([renderLink(post, world, raw)]), listing(children)]);
      }),
    },
    {
      method: 'GET',
      path: /^\/reddit\/oauth\/api\/morechildren$/,
      handle: api((context, raw) => {
        const ids = (context.url.searchParams.get('children') ?? '')
          .split(',')
          .filter(Boolean)
          .slice(0, 100);
        const things = ids
          .map((id) => world.find(id))
          .filter((p): p is SocialPost => !!p)
          .map((p) => renderComment(p, world, raw, 0, ''));
        sendApiJson(context, 200, { json: { errors: [], data: { things } } });
      }),
    },
    {
      method: 'GET',
      path: /^\/reddit\/oauth\/api\/info$/,
      handle: api((context, raw) => {
        const ids = (context.url.searchParams.get('id') ?? '').split(',');
        const things = ids
          .map((name) => world.find(name.slice(3)))
          .filter((p): p is SocialPost => !!p)
          .map((p) =>
            p.parentId ? renderComment(p, world, raw, 0, '') : renderLink(p, world, raw),
          );
        sendApiJson(context, 200, listing(things));
      }),
    },
  ];

  return {
    world,
    routes,
    post(input) {
      return world.add({
        author: input.author,
        text: input.text,
        html: input.html,
        ...(input.parentId
          ? { parentId: input.parentId }
          : { title: input.title ?? input.text.slice(0, 80) }),
        extra: { subreddit: input.subreddit ?? 'northfield' },
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
    },
    expireTokens() {
      for (const token of tokens.keys()) tokens.set(token, false);
    },
    setBudget(value) {
      budget = value;
      used = 0;
    },
  };
}
