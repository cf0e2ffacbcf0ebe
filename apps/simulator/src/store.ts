import type { SimItem } from './item.ts';

export type FeedState = { version: number; lastModified: Date };

/**
 * Items per feed, newest first (insertion order, so a published item is always first). Each
 * change bumps the feed's version, which is what the ETag is made of.
 */
export type Store = {
  add(item: SimItem, at: Date): void;
  items(feed: string): readonly SimItem[];
  state(feed: string): FeedState;
  replyCount(id: string): number;
  find(id: string): SimItem | undefined;
};

export function createStore(feeds: readonly string[], startedAt: Date, keep = 500): Store {
  const lists = new Map<string, SimItem[]>(feeds.map((feed) => [feed, []]));
  const states = new Map<string, FeedState>(
    feeds.map((feed) => [feed, { version: 0, lastModified: wholeSeconds(startedAt) }]),
  );
  const byId = new Map<string, SimItem>();
  const replies = new Map<string, number>();

  const touch = (feed: string, at: Date) => {
    const state = states.get(feed)!;
    state.version += 1;
    // Never move backwards, even if a test steps the clock back.
    const seconds = wholeSeconds(at);
    if (seconds > state.lastModified) state.lastModified = seconds;
  };

  const listOf = (feed: string) => {
    const list = lists.get(feed);
    if (!list) throw new Error(`unknown feed "${feed}"`);
    return list;
  };

  return {
    add(item, at) {
      const list = listOf(item.feed);
      list.unshift(item);
      byId.set(item.id, item);
      for (const dropped of list.splice(keep)) byId.delete(dropped.id);
      touch(item.feed, at);
      if (item.postId) {
        replies.set(item.postId, (replies.get(item.postId) ?? 0) + 1);
        // The post's feed shows the comment count, so its representation changed too.
        const post = byId.get(item.postId);
        if (post) touch(post.feed, at);
      }
    },
    items: (feed) => listOf(feed),
    state(feed) {
      const state = states.get(feed);
      if (!state) throw new Error(`unknown feed "${feed}"`);
      return { ...state };
    },
    replyCount: (id) => replies.get(id) ?? 0,
    find: (id) => byId.get(id),
  };
}

/** HTTP dates carry whole seconds, so If-Modified-Since compares at that precision. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
