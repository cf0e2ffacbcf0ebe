/** The platforms the simulator fakes besides feeds. */
export const PLATFORMS = ['mastodon', 'bluesky', 'reddit', 'youtube', 'careopinion'] as const;
export type Platform = (typeof PLATFORMS)[number];

export type SocialAuthor = { id: string; handle: string; displayName: string };

/** One post, reply, comment or story on a fake platform. */
export type SocialPost = {
  id: string;
  seq: number;
  author: SocialAuthor;
  text: string;
  html: string;
  title?: string;
  createdAt: Date;
  editedAt?: Date;
  deletedAt?: Date;
  /** Replies: the post answered, and the top of the conversation. */
  parentId?: string;
  rootId?: string;
  /** Mastodon boosts: a wrapper around another post. */
  boostOf?: string;
  tags: string[];
  /** Platform extras (a subreddit, a video id, a criticality). */
  extra: Record<string, string | number | boolean>;
};

export type WorldEvent =
  | { type: 'create'; post: SocialPost }
  | { type: 'update'; post: SocialPost }
  | { type: 'delete'; post: SocialPost };

export type NewPost = Omit<SocialPost, 'id' | 'seq' | 'tags' | 'extra' | 'createdAt'> &
  Partial<Pick<SocialPost, 'tags' | 'extra' | 'createdAt'>>;

/**
 * Posts of one platform in the order they were made, with their replies linked, and listeners
 * for the live streams. Deleted posts stay (a refetch must answer 404 / "deleted", not vanish).
 */
export type SocialWorld = {
  platform: Platform;
  add(post: NewPost): SocialPost;
  edit(id: string, text: string, html?: string): SocialPost;
  remove(id: string): SocialPost;
  find(id: string): SocialPost | undefined;
  /** Newest first; deleted ones excluded unless asked. */
  list(options?: { includeDeleted?: boolean }): SocialPost[];
  replies(id: string, options?: { includeDeleted?: boolean }): SocialPost[];
  subscribe(listener: (event: WorldEvent) => void): () => void;
};

export function createSocialWorld(
  platform: Platform,
  idFor: (seq: number) => string,
  now: () => Date,
): SocialWorld {
  const posts: SocialPost[] = [];
  const byId = new Map<string, SocialPost>();
  const listeners = new Set<(event: WorldEvent) => void>();
  let seq = 0;
  const emit = (event: WorldEvent) => {
    for (const listener of listeners) listener(event);
  };
  const get = (id: string) => {
    const post = byId.get(id);
    if (!post) throw new Error(`no ${platform} post ${id}`);
    return post;
  };
  return {
    platform,
    add(input) {
      seq += 1;
      const parent = input.parentId ? byId.get(input.parentId) : undefined;
      const post: SocialPost = {
        tags: [],
        extra: {},
        createdAt: now(),
        ...input,
        id: idFor(seq),
        seq,
        ...(parent ? { rootId: parent.rootId ?? parent.id } : {}),
      };
      posts.push(post);
      byId.set(post.id, post);
      emit({ type: 'create', post });
      return post;
    },
    edit(id, text, html) {
      const post = get(id);
      post.text = text;
      post.html = html ?? `<p>${text}</p>`;
      post.editedAt = now();
      emit({ type: 'update', post });
      return post;
    },
    remove(id) {
      const post = get(id);
      post.deletedAt = now();
      emit({ type: 'delete', post });
      return post;
    },
    find: (id) => byId.get(id),
    list(options = {}) {
      const out: SocialPost[] = [];
      for (let i = posts.length - 1; i >= 0; i -= 1) {
        const post = posts[i]!;
        if (options.includeDeleted || !post.deletedAt) out.push(post);
      }
      return out;
    },
    replies: (id, options = {}) =>
      posts.filter((p) => p.parentId === id && (options.includeDeleted || !p.deletedAt)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
