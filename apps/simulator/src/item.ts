/** One post, article or comment the simulator serves. Dates are real Dates; JSON makes them ISO. */
export type SimItem = {
  /** Unique within this simulator run: `<feed>-<sequence>`. */
  id: string;
  feed: string;
  /** A tag: URI, stable for the run, unique across restarts (it carries the start time). */
  guid: string;
  link: string;
  title: string;
  /** Plain text of the body. */
  text: string;
  /** The same body as HTML (paragraphs, bold, links). */
  html: string;
  author: string;
  publishedAt: Date;
  /** The pool the text came from, or 'published' for text given to publish(). */
  pool: string;
  mentionsTrust: boolean;
  /** Comments only: the item this one answers, and the blog post at the root of the thread. */
  inReplyTo?: { id: string; guid: string; link: string };
  postId?: string;
};

export type FeedInfo = {
  name: string;
  kind: 'rss' | 'atom';
  url: string;
  isQueryFeed: boolean;
};
