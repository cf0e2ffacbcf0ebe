import { z } from 'zod';
import { SentimentLabel, SourceKind, SourceStatus } from '../mention.ts';

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const RiskFlags = z.object({
  safeguarding: z.boolean(),
  complaint: z.boolean(),
  patientSafety: z.boolean(),
  urgent: z.boolean(),
  pii: z.boolean(),
});
export type RiskFlags = z.infer<typeof RiskFlags>;

export const MentionDto = z.object({
  id: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  sourceKind: SourceKind,
  externalId: z.string(),
  url: z.string().nullable(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  publishedAt: z.string().nullable(),
  fetchedAt: z.string(),
  sentimentScore: z.number(),
  sentimentLabel: SentimentLabel,
  sentimentConfidence: z.number(),
  flags: RiskFlags,
  /** Evidence per flag: the words or patterns that raised it. */
  flagEvidence: z.record(z.string(), z.array(z.string())),
  topics: z.array(z.string()),
  explanation: z.array(z.string()),
  scorerVersion: z.string(),
  parentExternalId: z.string().nullable(),
  rootExternalId: z.string().nullable(),
  /** `redacted`: patient-identifying details were replaced, because this reader's role needs no more. */
  textView: z.enum(['raw', 'redacted']),
});
export type MentionDto = z.infer<typeof MentionDto>;

/** A mention as stored, before it is shaped for one reader: never sent as it is. */
export const StoredMention = MentionDto.omit({ textView: true }).extend({
  redactedText: z.string(),
});
export type StoredMention = z.infer<typeof StoredMention>;

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const MentionListQuery = z.object({
  /** Return mentions older than this id (the `nextCursor` of the previous page). */
  cursor: idParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  sourceId: idParam.optional(),
  label: SentimentLabel.optional(),
  topic: z.string().min(1).max(200).optional(),
  /** Only mentions raising this flag (the inbox's "needs attention" lane asks for urgent ones). */
  flag: z.enum(['safeguarding', 'complaint', 'patientSafety', 'urgent', 'pii']).optional(),
});
export type MentionListQuery = z.infer<typeof MentionListQuery>;

export const MentionPage = z.object({
  items: z.array(MentionDto),
  nextCursor: z.number().int().nullable(),
});
export type MentionPage = z.infer<typeof MentionPage>;

export const IdParams = z.object({ id: idParam });

export const SourceDto = z.object({
  id: z.number().int(),
  kind: SourceKind,
  name: z.string(),
  url: z.string(),
  /** Query feeds keep everything; generic feeds keep only items that mention the trust. */
  isQueryFeed: z.boolean(),
  pollIntervalSeconds: z.number().int(),
  enabled: z.boolean(),
  status: SourceStatus,
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  nextPollAt: z.string().nullable(),
  mentionsLast24h: z.number().int(),
  createdAt: z.string(),
});
export type SourceDto = z.infer<typeof SourceDto>;

const httpUrl = z
  .string()
  .trim()
  .max(4096)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL');

export const SourceCreateBody = z.object({
  kind: SourceKind.default('rss'),
  name: z.string().trim().min(1).max(200),
  url: httpUrl,
  isQueryFeed: z.boolean().default(false),
  pollIntervalSeconds: z.number().int().min(30).max(86_400).default(300),
  enabled: z.boolean().default(true),
});
export type SourceCreateBody = z.infer<typeof SourceCreateBody>;

export const SourceUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: httpUrl,
    isQueryFeed: z.boolean(),
    pollIntervalSeconds: z.number().int().min(30).max(86_400),
    enabled: z.boolean(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'at least one field is required');
export type SourceUpdateBody = z.infer<typeof SourceUpdateBody>;

/** A ready-made query feed built from the trust profile, offered when adding a source. */
export const SourcePreset = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  name: z.string(),
  url: z.string(),
  isQueryFeed: z.boolean(),
});
export type SourcePreset = z.infer<typeof SourcePreset>;

export const DiscoverBody = z.object({ url: httpUrl });
export type DiscoverBody = z.infer<typeof DiscoverBody>;

export const DiscoveredFeed = z.object({
  url: z.string(),
  title: z.string().nullable(),
  type: z.string().nullable(),
});
export type DiscoveredFeed = z.infer<typeof DiscoveredFeed>;

/** Progress of the scorer: how many stored mentions carry the current scorer version. */
export const ScorerStatus = z.object({
  version: z.string(),
  mentionsTotal: z.number().int(),
  mentionsOnCurrentVersion: z.number().int(),
});
export type ScorerStatus = z.infer<typeof ScorerStatus>;
