import { z } from 'zod';

export const CommentSnippet = z.object({
  videoId: z.string().optional(),
  parentId: z.string().optional(),
  textOriginal: z.string().optional(),
  textDisplay: z.string().optional(),
  authorDisplayName: z.string().default(''),
  authorChannelId: z.object({ value: z.string() }).optional(),
  publishedAt: z.string(),
  updatedAt: z.string().optional(),
});

export const YoutubeComment = z.object({ id: z.string(), snippet: CommentSnippet });
export type YoutubeComment = z.infer<typeof YoutubeComment>;

export const CommentThread = z.object({
  id: z.string(),
  snippet: z.object({
    videoId: z.string().optional(),
    channelId: z.string().optional(),
    totalReplyCount: z.number().default(0),
    topLevelComment: YoutubeComment,
  }),
  replies: z.object({ comments: z.array(YoutubeComment) }).optional(),
});
export type CommentThread = z.infer<typeof CommentThread>;

export const CommentThreadList = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(CommentThread),
});

export const CommentList = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(YoutubeComment),
});

export const SearchList = z.object({
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      id: z.object({ kind: z.string(), videoId: z.string().optional() }),
      snippet: z.object({
        title: z.string().default(''),
        description: z.string().default(''),
        channelTitle: z.string().default(''),
        channelId: z.string().optional(),
        publishedAt: z.string(),
      }),
    }),
  ),
});

export const GoogleError = z.object({
  error: z.object({
    code: z.number(),
    message: z.string().optional(),
    errors: z
      .array(z.object({ reason: z.string().optional(), domain: z.string().optional() }))
      .default([]),
  }),
});
