import { isNotModified } from '../http/conditional.ts';
import { sendBody } from '../http/respond.ts';
import { HttpError, type RequestContext } from '../http/route.ts';
import type { FeedInfo } from '../item.ts';
import type { LiveScenario } from '../scenario/schema.ts';
import type { Store } from '../store.ts';
import { renderAtom } from './atom.ts';
import { renderRss } from './rss.ts';
import type { FeedView } from './view.ts';

const ITEMS_PER_DOCUMENT = 50;

export const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

type Deps = { scenario: LiveScenario; store: Store; runId: string; baseUrl: () => string };

export function liveFeedList({ scenario, baseUrl }: Deps): FeedInfo[] {
  return scenario.feeds.map((feed) => ({
    name: feed.name,
    kind: feed.kind,
    url: `${baseUrl()}/feeds/${feed.name}.${feed.kind}`,
    isQueryFeed: feed.isQueryFeed,
  }));
}

/** GET /feeds/<name>.<rss|atom>[?post=<id>] from the store, with validators and 304s. */
export function serveLiveFeed(deps: Deps) {
  const { scenario, store, runId, baseUrl } = deps;
  const byName = new Map(scenario.feeds.map((feed) => [feed.name, feed]));
  const commentsFeedOf = new Map(
    scenario.feeds.flatMap((feed) => (feed.commentsOn ? [[feed.commentsOn, feed.name]] : [])),
  );

  return (context: RequestContext) => {
    const [name = '', format = 'rss'] = context.params;
    const feed = byName.get(name);
    if (!feed) throw new HttpError(404, 'unknown_feed', `there is no feed called "${name}"`);
    const post = context.url.searchParams.get('post');
    if (post !== null && !/^[a-z0-9-]{1,100}$/.test(post)) {
      throw new HttpError(400, 'invalid_post', 'post must be an item id such as "trust-blog-3"');
    }
    const state = store.state(name);
    const etag = `"${runId}-${state.version}-${format}${post ? `-${post}` : ''}"`;
    const validators = {
      ETag: etag,
      'Last-Modified': state.lastModified.toUTCString(),
      'Cache-Control': 'public, max-age=0',
    };
    if (isNotModified(context.req.headers, etag, state.lastModified)) {
      context.res.writeHead(304, validators);
      context.res.end();
      return;
    }
    const base = baseUrl();
    const query = post ? `?post=${post}` : '';
    const all = store.items(name);
    const items = (post ? all.filter((item) => item.postId === post) : all).slice(
      0,
      ITEMS_PER_DOCUMENT,
    );
    const comments = commentsFeedOf.get(name);
    const view: FeedView = {
      name,
      title: feed.title,
      description: feed.description ?? feed.title,
      siteUrl: feed.link,
      rssUrl: `${base}/feeds/${name}.rss${query}`,
      atomUrl: `${base}/feeds/${name}.atom${query}`,
      updated: state.lastModified,
      titles: feed.titles,
      items,
      replies: comments
        ? (item) => ({
            rssUrl: `${base}/feeds/${comments}.rss?post=${item.id}`,
            atomUrl: `${base}/feeds/${comments}.atom?post=${item.id}`,
            count: store.replyCount(item.id),
          })
        : undefined,
    };
    const body = format === 'atom' ? renderAtom(view) : renderRss(view);
    sendBody(context, 200, body, {
      ...validators,
      'Content-Type': format === 'atom' ? CONTENT_TYPES.atom : CONTENT_TYPES.rss,
    });
  };
}
