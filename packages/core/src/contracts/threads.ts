import { z } from 'zod';
import { SentimentLabel, SourceKind } from '../mention.ts';
import { RiskFlags } from './api.ts';

/** One post in a conversation, as the thread view draws it. */
export const ThreadPostDto = z.object({
  externalId: z.string(),
  /** The stored mention, when Barometer has it (null: fetched from the platform just now). */
  mentionId: z.number().int().nullable(),
  author: z.string().nullable(),
  text: z.string(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Null until the post is stored and scored. */
  sentimentLabel: SentimentLabel.nullable(),
  flags: RiskFlags.nullable(),
  depth: z.number().int().min(0),
  parentMissing: z.boolean(),
  /** The mention the thread was opened from. */
  isFocus: z.boolean(),
  /** Written by the trust's own account. */
  isTrust: z.boolean(),
  deleted: z.boolean(),
});
export type ThreadPostDto = z.infer<typeof ThreadPostDto>;

export const ThreadDto = z.object({
  mentionId: z.number().int(),
  platform: SourceKind,
  posts: z.array(ThreadPostDto),
  participants: z.number().int(),
  counts: z.object({
    positive: z.number().int(),
    neutral: z.number().int(),
    negative: z.number().int(),
    unscored: z.number().int(),
  }),
  trustReplied: z.boolean(),
  firstActivity: z.string().nullable(),
  lastActivity: z.string().nullable(),
  /**
   * `fetched`: the platform was asked for the conversation just now; `stored`: only what
   * Barometer already had (the platform has no thread API, or could not be reached).
   */
  completeness: z.enum(['fetched', 'stored']),
  /** Why the platform could not be asked, in plain words (null when it was, or has no API). */
  fetchProblem: z.string().nullable(),
});
export type ThreadDto = z.infer<typeof ThreadDto>;
