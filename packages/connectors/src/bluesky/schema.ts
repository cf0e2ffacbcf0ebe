import { z } from 'zod';

const StrongRef = z.object({ uri: z.string(), cid: z.string().optional() });

export const Facet = z.object({
  index: z.object({ byteStart: z.number().int().min(0), byteEnd: z.number().int().min(0) }),
  features: z.array(
    z.union([
      z.object({ $type: z.literal('app.bsky.richtext.facet#link'), uri: z.string() }),
      z.object({ $type: z.literal('app.bsky.richtext.facet#mention'), did: z.string() }),
      z.object({ $type: z.literal('app.bsky.richtext.facet#tag'), tag: z.string() }),
      z.object({ $type: z.string() }),
    ]),
  ),
});
export type Facet = z.infer<typeof Facet>;

/** An `app.bsky.feed.post` record (the same in search results and on Jetstream). */
export const PostRecord = z.object({
  text: z.string().default(''),
  createdAt: z.string(),
  langs: z.array(z.string()).optional(),
  facets: z.array(Facet).optional(),
  reply: z.object({ root: StrongRef, parent: StrongRef }).optional(),
});
export type PostRecord = z.infer<typeof PostRecord>;

export const ProfileBasic = z.object({
  did: z.string(),
  handle: z.string(),
  displayName: z.string().optional(),
});

export const PostView = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string().optional(),
  author: ProfileBasic,
  record: PostRecord,
  indexedAt: z.string().optional(),
  replyCount: z.number().optional(),
  repostCount: z.number().optional(),
  likeCount: z.number().optional(),
});
export type PostView = z.infer<typeof PostView>;

export const SearchPostsOutput = z.object({
  cursor: z.string().optional(),
  hitsTotal: z.number().optional(),
  posts: z.array(PostView),
});

export const Session = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  did: z.string(),
  handle: z.string().optional(),
});
export type Session = z.infer<typeof Session>;

export const XrpcError = z.object({ error: z.string(), message: z.string().optional() });

export type ThreadNode =
  | {
      $type: 'app.bsky.feed.defs#threadViewPost';
      post: PostView;
      parent?: ThreadNode;
      replies?: ThreadNode[];
    }
  | { $type: 'app.bsky.feed.defs#notFoundPost'; uri: string }
  | { $type: 'app.bsky.feed.defs#blockedPost'; uri: string }
  | { $type: string };

export const ThreadNode: z.ZodType<ThreadNode> = z.lazy(() =>
  z.union([
    z.object({
      $type: z.literal('app.bsky.feed.defs#threadViewPost'),
      post: PostView,
      parent: ThreadNode.optional(),
      replies: z.array(ThreadNode).optional(),
    }),
    z.object({ $type: z.string() }),
  ]),
);

export const GetPostThreadOutput = z.object({ thread: ThreadNode });

/** One Jetstream line; only commits to the posts collection are read further. */
export const JetstreamCommitEvent = z.object({
  did: z.string(),
  time_us: z.number(),
  kind: z.literal('commit'),
  commit: z.object({
    rev: z.string(),
    operation: z.enum(['create', 'update', 'delete']),
    collection: z.string(),
    rkey: z.string(),
    record: PostRecord.optional(),
    cid: z.string().optional(),
  }),
});
