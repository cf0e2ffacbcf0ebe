import { UnknownFeedError } from './errors.ts';
import type { SimItem } from './item.ts';
import type { Random } from './random.ts';
import type { FeedConfig, LiveScenario } from './scenario/schema.ts';
import type { Store } from './store.ts';
import { authorFor, composeItem, mentionsTrust } from './text/compose.ts';
import { deriveTitle, escapeHtml, htmlToText } from './text/markup.ts';

export type Timeline = {
  /** Adds one item now; text, title and author default to a generated post from the feed's mix. */
  publish(feed: string, item?: Partial<SimItem>): SimItem;
  /** Adds the items due since the last tick at the scenario's rate; returns them. */
  tick(): SimItem[];
  /** Fills the feeds with `count` items dated in the recent past. */
  backfill(count: number): void;
};

type Options = {
  scenario: LiveScenario;
  store: Store;
  random: Random;
  now: () => Date;
  ratePerMinute: number;
  /** Distinguishes this run's guids from a previous run's (a restart must not collide). */
  runId: string;
};

// A clock jump (laptop sleep, a test skipping a day) must not create millions of items at once.
const MAX_ITEMS_PER_TICK = 10_000;
const COMMENT_THREAD_WINDOW = 5;

export function createTimeline(options: Options): Timeline {
  const { scenario, store, random, now, runId } = options;
  const feeds = new Map(scenario.feeds.map((feed) => [feed.name, feed]));
  const weights = Object.fromEntries(scenario.feeds.map((feed) => [feed.name, feed.weight]));
  const sequences = new Map<string, number>();
  const year = now().getUTCFullYear();
  let lastTick = now().getTime();
  let owed = 0;

  const nextSequence = (feed: string) => {
    const value = (sequences.get(feed) ?? 0) + 1;
    sequences.set(feed, value);
    return value;
  };

  const add = (feed: FeedConfig, partial: Partial<SimItem>, at: Date): SimItem => {
    if (
      feed.style === 'comments' &&
      !partial.inReplyTo &&
      store.items(feed.commentsOn!).length === 0
    ) {
      // A comment needs a post to answer: start the thread first.
      add(feeds.get(feed.commentsOn!)!, {}, at);
    }
    const item = buildItem(feed, partial, at);
    // Last-Modified is when the feed changed, which for a backdated item is still now.
    store.add(item, now());
    return item;
  };

  const pickThread = (feed: FeedConfig): SimItem | undefined => {
    const posts = store.items(feed.commentsOn!).slice(0, COMMENT_THREAD_WINDOW);
    return posts.length === 0 ? undefined : random.pick(posts);
  };

  const buildItem = (feed: FeedConfig, partial: Partial<SimItem>, at: Date): SimItem => {
    const sequence = nextSequence(feed.name);
    const given = partial.text !== undefined || partial.html !== undefined;
    const tagBase = feed.style === 'social' ? `${new URL(feed.link).origin}/tags` : undefined;
    const composed = given
      ? undefined
      : composeItem(scenario.content, random.weighted(feed.mix), feed.style, random, { tagBase });
    const text = partial.text ?? (partial.html ? htmlToText(partial.html) : composed!.text);
    const html = partial.html ?? (composed ? composed.html : textToHtml(text));
    const title = partial.title ?? composed?.title ?? deriveTitle(text);
    const host = new URL(feed.link).hostname;
    const author =
      partial.author ?? composed?.author ?? authorFor(feed.style, scenario.content, random);
    const thread: Pick<SimItem, 'inReplyTo' | 'postId'> =
      feed.style === 'comments' ? threadFor(feed, partial) : {};
    const link = partial.link ?? linkFor(feed, { title, author, sequence, ...thread });
    return {
      id: `${feed.name}-${sequence}`,
      feed: feed.name,
      guid: partial.guid ?? `tag:${host},${year}:${feed.name}/${runId}-${sequence}`,
      link,
      title,
      text,
      html,
      author,
      publishedAt: partial.publishedAt ?? at,
      pool: composed?.pool ?? 'published',
      mentionsTrust:
        composed?.mentionsTrust ?? mentionsTrust(scenario.content, `${title}\n${text}`),
      ...thread,
    };
  };

  const linkFor = (
    feed: FeedConfig,
    item: { title: string; author: string; sequence: number; postId?: string },
  ): string => {
    const base = feed.link.replace(/\/$/, '');
    const id = `${runId}-${item.sequence}`;
    if (item.postId) return `${store.find(item.postId)?.link ?? base}#comment-${id}`;
    if (feed.style === 'social') {
      const user = item.author.startsWith('@') ? item.author : `@${slugify(item.author)}`;
      return `${new URL(feed.link).origin}/${user.replace(/-$/, '')}/${id}`;
    }
    return `${base}/${slugify(item.title)}${id}`;
  };

  const threadFor = (feed: FeedConfig, partial: Partial<SimItem>) => {
    if (partial.inReplyTo) {
      const parent = store.find(partial.inReplyTo.id);
      return {
        inReplyTo: partial.inReplyTo,
        postId: partial.postId ?? parent?.postId ?? parent?.id,
      };
    }
    const post = pickThread(feed)!;
    const comments = store
      .items(feed.name)
      .filter((comment) => comment.postId === post.id)
      .slice(0, COMMENT_THREAD_WINDOW);
    // About a third of comments answer another comment, so threads have depth.
    const parent = comments.length > 0 && random.next() < 0.35 ? random.pick(comments) : post;
    return {
      inReplyTo: { id: parent.id, guid: parent.guid, link: parent.link },
      postId: post.id,
    };
  };

  const feedOrThrow = (name: string) => {
    const feed = feeds.get(name);
    if (!feed) throw new UnknownFeedError(`unknown feed "${name}"`);
    return feed;
  };

  const addRandom = (at: Date) => add(feeds.get(random.weighted(weights))!, {}, at);

  return {
    publish: (feed, item = {}) => add(feedOrThrow(feed), item, item.publishedAt ?? now()),
    tick() {
      const current = now().getTime();
      const elapsed = current - lastTick;
      if (elapsed <= 0 || options.ratePerMinute <= 0) {
        lastTick = Math.max(lastTick, current);
        return [];
      }
      owed += (elapsed * options.ratePerMinute) / 60_000;
      const count = Math.min(Math.floor(owed), MAX_ITEMS_PER_TICK);
      owed = count === MAX_ITEMS_PER_TICK ? 0 : owed - count;
      const created: SimItem[] = [];
      // Spread the batch over the interval so publication times look organic.
      for (let index = 1; index <= count; index += 1) {
        created.push(addRandom(new Date(lastTick + (elapsed * index) / count)));
      }
      lastTick = current;
      return created;
    },
    backfill(count) {
      const spacing = options.ratePerMinute > 0 ? 60_000 / options.ratePerMinute : 60_000;
      const start = now().getTime();
      for (let index = count; index >= 1; index -= 1) {
        addRandom(new Date(start - index * spacing));
      }
    },
  };
}

function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return slug.length > 0 ? `${slug}-` : '';
}
