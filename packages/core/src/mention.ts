import { z } from 'zod';

/**
 * A mention as a connector hands it over: parsed, sanitised and normalised, but not yet scored
 * or stored. `externalId` is unique within its source; it is the idempotency key.
 */
export const NormalizedMention = z.object({
  externalId: z.string().min(1).max(2048),
  url: z.string().max(4096).nullable(),
  author: z.string().max(512).nullable(),
  /** The platform's stable id for the author (a DID, an account id), when it has one. */
  authorId: z.string().max(512).nullable().optional(),
  title: z.string().max(2048).nullable(),
  /** Plain text, for matching and scoring. */
  text: z.string().max(100_000),
  /** Sanitised HTML, safe to display. */
  html: z.string().max(200_000).nullable(),
  /** ISO 8601, or null when the feed gave no parseable date. */
  publishedAt: z.string().datetime({ offset: true }).nullable(),
  /** The date exactly as the feed wrote it, kept when lenient parsing had to guess. */
  publishedRaw: z.string().max(256).nullable(),
  /** Thread links: the item this one replies to, and the root of its thread. */
  parentExternalId: z.string().max(2048).nullable(),
  rootExternalId: z.string().max(2048).nullable(),
});
export type NormalizedMention = z.infer<typeof NormalizedMention>;

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export const SentimentLabel = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const SOURCE_KINDS = [
  'rss',
  'mastodon',
  'bluesky',
  'jetstream',
  'reddit',
  'youtube',
  'careopinion',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const SOURCE_STATUSES = ['pending', 'healthy', 'failing', 'paused', 'gone'] as const;
export const SourceStatus = z.enum(SOURCE_STATUSES);
export type SourceStatus = z.infer<typeof SourceStatus>;
