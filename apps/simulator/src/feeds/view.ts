import type { SimItem } from '../item.ts';

/** Everything a renderer needs about one feed document; built by feeds/routes.ts. */
export type FeedView = {
  name: string;
  title: string;
  description: string;
  /** The human site the feed belongs to. */
  siteUrl: string;
  rssUrl: string;
  atomUrl: string;
  updated: Date;
  /** RSS items without <title>, like Mastodon's and Bluesky's feeds. */
  titles: boolean;
  items: readonly SimItem[];
  /** Blog posts link to their comment feed, with the number of comments so far. */
  replies?: (item: SimItem) => { rssUrl: string; atomUrl: string; count: number };
};
