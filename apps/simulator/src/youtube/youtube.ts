import type { RequestContext, Route } from '../http/route.ts';
import { type PlatformDeps, recordAndFault, sendApiJson } from '../social/platform-http.ts';
import type { PostInput } from '../social/post-input.ts';
import { createSocialWorld, type SocialPost, type SocialWorld } from '../social/world.ts';

export const YOUTUBE_KEY = 'sim-youtube-key';
export const YOUTUBE_CHANNEL = 'UCnorthfieldnhs000000000';
const INLINE_REPLIES = 5;
const COST: Record<string, number> = { search: 100, commentThreads: 1, comments: 1 };

export type YoutubeFake = {
  world: SocialWorld;
  routes: Route[];
  /** A video (no parentId), a top-level comment (parentId: a video) or a reply (a comment). */
  post(input: PostInput & { channelId?: string; commentsDisabled?: boolean }): SocialPost;
  setDailyQuota(units: number): void;
  unitsUsed(): number;
};

const googleError = (code: number, reason: string, domain: string, message: string) => ({
  error: { code, message, errors: [{ message, domain, reason }] },
});

export function createYoutubeFake(deps: PlatformDeps): YoutubeFake {
  const world = createSocialWorld(
    'youtube',
    (seq) => `Ugx${seq.toString(36).padStart(8, '0')}`,
    deps.now,
  );
  let quota = 10_000;
  let used = 0;
  const videos = () => world.list().filter((p) => !p.parentId);
  const isVideo = (p: SocialPost | undefined) => !!p && !p.parentId;
  const videoIdOf = (p: SocialPost) => `v${p.id.slice(3)}`;
  const byVideoId = (id: string) => videos().find((v) => videoIdOf(v) === id);

  const api =
    (name: string, handle: (context: RequestContext) => void) => (context: RequestContext) => {
      if (recordAndFault(context, 'youtube', deps)) return;
      const key = context.url.searchParams.get('key');
      if (key !== YOUTUBE_KEY) {
        return sendApiJson(
          context,
          400,
          googleError(
            400,
            'keyInvalid',
            'usageLimits',
            'API key not valid. Please pass a valid API key.',
          ),
        );
      }
      const cost = COST[name] ?? 1;
      if (used + cost > quota) {
        // No Retry-After: the quota comes back at midnight Pacific.
        return sendApiJson(
          context,
          403,
          googleError(
            403,
            'quotaExceeded',
            'youtube.quota',
            'The request cannot be completed because you have exceeded your quota.',
          ),
        );
      }
      used += cost;
      const max = Number(context.url.searchParams.get('maxResults') ?? 20);
      if (max > 100 || max < 1)
        return sendApiJson(
          context,
          400,
          googleError(400, 'invalidParameter', 'youtube.parameter', 'maxResults out of range'),
        );
      handle(context);
    };

  const paged = <T>(context: RequestContext, items: T[]) => {
    const size = Number(context.url.searchParams.get('maxResults') ?? 20);
    const token = context.url.searchParams.get('pageToken');
    const offset = token
      ? Number(Buffer.from(token, 'base64url').toString('utf8').replace('page:', ''))
      : 0;
    if (token && !Number.isFinite(offset)) return null;
    const page = items.slice(offset, offset + size);
    const next =
      offset + size < items.length
        ? Buffer.from(`page:${offset + size}`).toString('base64url')
        : undefined;
    return { page, next };
  };

  const renderComment = (c: SocialPost, video: SocialPost) => ({
    kind: 'youtube#comment',
    etag: `e${c.seq}`,
    id: c.parentId && !isVideo(world.find(c.parentId)) ? `${c.parentId}.${c.id}` : c.id,
    snippet: {
      videoId: videoIdOf(video),
      ...(c.parentId && !isVideo(world.find(c.parentId)) ? { parentId: c.parentId } : {}),
      textDisplay: c.text,
      textOriginal: c.text,
      authorDisplayName: `@${c.author.handle}`,
      authorChannelId: { value: `UC${c.author.id.slice(0, 22)}` },
      likeCount: 0,
      publishedAt: c.createdAt.toISOString(),
      updatedAt: (c.editedAt ?? c.createdAt).toISOString(),
    },
  });

  const renderThread = (top: SocialPost, video: SocialPost) => {
    const replies = world.replies(top.id);
    const thread: Record<string, unknown> = {
      kind: 'youtube#commentThread',
      etag: `t${top.seq}`,
      id: top.id,
      snippet: {
        channelId: String(video.extra.channelId ?? YOUTUBE_CHANNEL),
        videoId: videoIdOf(video),
        canReply: true,
        totalReplyCount: replies.length,
        isPublic: true,
        topLevelComment: renderComment(top, video),
      },
    };
    if (replies.length > 0)
      thread.replies = {
        comments: replies.slice(0, INLINE_REPLIES).map((r) => renderComment(r, video)),
      };
    return thread;
  };

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/youtube\/youtube\/v3\/search$/,
      handle: api('search', (context) => {
        const q = (context.url.searchParams.get('q') ?? '').toLowerCase();
        const hits = videos().filter((v) => `${v.title ?? ''} ${v.text}`.toLowerCase().includes(q));
        const result = paged(context, hits);
        if (!result)
          return sendApiJson(
            context,
            400,
            googleError(400, 'invalidPageToken', 'youtube.parameter', 'bad token'),
          );
        sendApiJson(context, 200, {
          kind: 'youtube#searchListResponse',
          ...(result.next ? { nextPageToken: result.next } : {}),
          pageInfo: { totalResults: hits.length, resultsPerPage: result.page.length },
          items: result.page.map((v) => ({
            kind: 'youtube#searchResult',
            id: { kind: 'youtube#video', videoId: videoIdOf(v) },
            snippet: {
              title: v.title ?? '',
              description: v.text,
              channelTitle: v.author.displayName,
              channelId: String(v.extra.channelId ?? YOUTUBE_CHANNEL),
              publishedAt: v.createdAt.toISOString(),
            },
          })),
        });
      }),
    },
    {
      method: 'GET',
      path: /^\/youtube\/youtube\/v3\/commentThreads$/,
      handle: api('commentThreads', (context) => {
        const params = context.url.searchParams;
        let chosen: SocialPost[];
        const videoId = params.get('videoId');
        const channel = params.get('allThreadsRelatedToChannelId');
        if (videoId) {
          const video = byVideoId(videoId);
          if (!video)
            return sendApiJson(
              context,
              404,
              googleError(
                404,
                'videoNotFound',
                'youtube.commentThread',
                'The video identified by the videoId parameter could not be found.',
              ),
            );
          if (video.extra.commentsDisabled) {
            return sendApiJson(
              context,
              403,
              googleError(
                403,
                'commentsDisabled',
                'youtube.commentThread',
                'The video has disabled comments.',
              ),
            );
          }
          chosen = [video];
        } else if (channel) {
          chosen = videos().filter(
            (v) =>
              String(v.extra.channelId ?? YOUTUBE_CHANNEL) === channel && !v.extra.commentsDisabled,
          );
        } else {
          return sendApiJson(
            context,
            400,
            googleError(
              400,
              'missingRequiredParameter',
              'youtube.parameter',
              'No filter selected.',
            ),
          );
        }
        const threads = chosen.flatMap((video) =>
          world.replies(video.id).map((top) => ({ top, video })),
        );
        threads.sort((a, b) => b.top.createdAt.getTime() - a.top.createdAt.getTime());
        const result = paged(context, threads);
        if (!result)
          return sendApiJson(
            context,
            400,
            googleError(400, 'invalidPageToken', 'youtube.parameter', 'bad token'),
          );
        sendApiJson(context, 200, {
          kind: 'youtube#commentThreadListResponse',
          ...(result.next ? { nextPageToken: result.next } : {}),
          pageInfo: { totalResults: threads.length, resultsPerPage: result.page.length },
          items: result.page.map(({ top, video }) => renderThread(top, video)),
        });
      }),
    },
    {
      method: 'GET',
      path: /^\/youtube\/youtube\/v3\/comments$/,
      handle: api('comments', (context) => {
        const parent = world.find(context.url.searchParams.get('parentId') ?? '');
        if (!parent || isVideo(parent))
          return sendApiJson(
            context,
            404,
            googleError(404, 'commentNotFound', 'youtube.comment', 'not found'),
          );
        const video = world.find(parent.parentId!)!;
        const result = paged(context, world.replies(parent.id));
        if (!result)
          return sendApiJson(
            context,
            400,
            googleError(400, 'invalidPageToken', 'youtube.parameter', 'bad token'),
          );
        sendApiJson(context, 200, {
          kind: 'youtube#commentListResponse',
          ...(result.next ? { nextPageToken: result.next } : {}),
          items: result.page.map((r) => renderComment(r, video)),
        });
      }),
    },
  ];

  return {
    world,
    routes,
    post(input) {
      const extra: Record<string, string | boolean> = {};
      if (input.channelId) extra.channelId = input.channelId;
      if (input.commentsDisabled) extra.commentsDisabled = true;
      // Threads are two levels: a reply to a reply hangs off the top-level comment.
      const parent = input.parentId ? world.find(input.parentId) : undefined;
      const grand = parent?.parentId ? world.find(parent.parentId) : undefined;
      const parentId = grand && !isVideo(grand) ? grand.id : input.parentId;
      return world.add({
        author: input.author,
        text: input.text,
        html: input.html,
        ...(parentId ? { parentId } : { title: input.title ?? input.text.slice(0, 80) }),
        extra,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      });
    },
    setDailyQuota(units) {
      quota = units;
      used = 0;
    },
    unitsUsed: () => used,
  };
}
