import { z } from 'zod';

export const RedditToken = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
});

export const RedditPost = z.object({
  id: z.string(),
  name: z.string().startsWith('t3_'),
  subreddit: z.string().default(''),
  title: z.string().default(''),
  selftext: z.string().default(''),
  author: z.string().default('[deleted]'),
  created_utc: z.number(),
  permalink: z.string(),
  url: z.string().optional(),
  num_comments: z.number().optional(),
  score: z.number().optional(),
  removed_by_category: z.string().nullable().optional(),
});
export type RedditPost = z.infer<typeof RedditPost>;

export const RedditComment = z.object({
  id: z.string(),
  name: z.string().startsWith('t1_'),
  parent_id: z.string(),
  link_id: z.string(),
  author: z.string().default('[deleted]'),
  body: z.string().default(''),
  created_utc: z.number(),
  permalink: z.string().optional(),
  score: z.number().optional(),
  /** false, or the epoch (a float) of the last edit. */
  edited: z.union([z.boolean(), z.number()]).optional(),
  depth: z.number().optional(),
  /** Another Listing, or "" (an empty string, not null) when there are none. */
  replies: z.unknown().optional(),
});
export type RedditComment = z.infer<typeof RedditComment>;

export const RedditMore = z.object({
  id: z.string(),
  parent_id: z.string(),
  count: z.number(),
  children: z.array(z.string()),
});

export const Thing = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('t3'), data: RedditPost }),
  z.object({ kind: z.literal('t1'), data: RedditComment }),
  z.object({ kind: z.literal('more'), data: RedditMore }),
]);
export type Thing = z.infer<typeof Thing>;

/** Things of kinds we do not read (t2 accounts, t5 subreddits) are skipped, not refused. */
const LooseThing = z.object({ kind: z.string(), data: z.unknown() });

export const Listing = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullable().optional(),
    children: z.array(LooseThing),
  }),
});
export type Listing = z.infer<typeof Listing>;

export const CommentsResponse = z.tuple([Listing, Listing]);

export const MoreChildrenResponse = z.object({
  json: z.object({
    errors: z.array(z.unknown()).default([]),
    data: z.object({ things: z.array(LooseThing) }).optional(),
  }),
});
