import { z } from 'zod';
import { SentimentLabel, SourceKind, SourceStatus } from '../mention.ts';

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Per-field messages for a form, keyed by field name. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
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
  /** One sentence for officers: the flags first, then the label and the words behind it. */
  scoreSummary: z.string(),
  /** Spans of `text` that drove the score (empty when the text is redacted for this reader). */
  highlights: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), label: z.string() }),
  ),
  scorerVersion: z.string(),
  parentExternalId: z.string().nullable(),
  rootExternalId: z.string().nullable(),
  /**
   * The story this mention tells (near-duplicates across sources and reposts), with how many
   * other mentions and other sources tell it too; null until the detector has clustered it.
   */
  story: z
    .object({
      id: z.number().int(),
      copies: z.number().int().nonnegative(),
      sources: z.number().int().nonnegative(),
    })
    .nullable(),
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
  /** Said at or after this instant (published, else fetched): a report's week links here. */
  from: z.string().datetime({ offset: true }).optional(),
  /** Said before this instant. */
  to: z.string().datetime({ offset: true }).optional(),
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
  /** Social kinds: what the source reads (a #hashtag, search words, r/sub words, channel:UC…). */
  query: z.string().nullable(),
  /** All the API ever says about a credential: whether one is set. */
  credentials: z.enum(['set', 'not set']),
  /** API quota units spent today (YouTube), 0 where there is no quota. */
  quotaUsedToday: z.number().int(),
  /** The live stream's state (Jetstream, Mastodon streaming); null for polled-only sources. */
  stream: z
    .object({ status: z.enum(['connected', 'reconnecting']), problem: z.string().nullable() })
    .nullable(),
});
export type SourceDto = z.infer<typeof SourceDto>;

const sourceQuery = z
  .string()
  .trim()
  .min(1, 'Say what to look for')
  .max(500, 'Keep what to look for under 500 characters');

/** A credential as a person pastes it (token, handle:app-password, id:secret, key). */
export const SourceCredentialBody = z.object({
  credential: z
    .string()
    .trim()
    .min(1, 'Paste the token, key or app password')
    .max(4096, 'This credential is too long'),
});
export type SourceCredentialBody = z.infer<typeof SourceCredentialBody>;

const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter the address of the feed or page')
  .max(4096, 'This address is too long')
  .url('Enter a full web address, starting with https://')
  .refine((u) => /^https?:\/\//i.test(u), 'Enter a web address starting with https:// or http://');

/** The UPPER_CASE words a preset leaves for a person to replace (USER_ID, CHANNEL_ID...). */
export const PRESET_PLACEHOLDER = /\b(?:USER_ID|ALERT_ID|CHANNEL_ID|[A-Z]{2,}_(?:ID|URL|NAME))\b/;

const sourceUrl = httpUrl.refine(
  (u) => !PRESET_PLACEHOLDER.test(u),
  'Replace the capitalised placeholder in this address (such as CHANNEL_ID) with the real value',
);

const sourceName = z
  .string()
  .trim()
  .min(1, 'Give the source a name')
  .max(200, 'Keep the name under 200 characters');

/** Polling faster than every 30 s is impolite to publishers; slower than daily is not listening. */
const pollInterval = z
  .number({ error: 'Enter how often to check' })
  .int('Enter whole seconds')
  .min(30, 'Check at most every half minute')
  .max(86_400, 'Check at least once a day');

export const SourceCreateBody = z.object({
  kind: SourceKind.default('rss'),
  name: sourceName,
  url: sourceUrl,
  isQueryFeed: z.boolean().default(false),
  pollIntervalSeconds: pollInterval.default(300),
  enabled: z.boolean().default(true),
  query: sourceQuery.nullable().default(null),
});
export type SourceCreateBody = z.infer<typeof SourceCreateBody>;

export const SourceUpdateBody = z
  .object({
    name: sourceName,
    url: sourceUrl,
    isQueryFeed: z.boolean(),
    pollIntervalSeconds: pollInterval,
    enabled: z.boolean(),
    query: sourceQuery.nullable(),
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Change at least one thing');
export type SourceUpdateBody = z.infer<typeof SourceUpdateBody>;

/** What adding a source would bring, fetched once before it is saved. */
export const SourcePreviewBody = z.object({
  url: sourceUrl,
  isQueryFeed: z.boolean().default(false),
});
export type SourcePreviewBody = z.infer<typeof SourcePreviewBody>;

export const SourcePreview = z.object({
  title: z.string().nullable(),
  itemCount: z.number().int(),
  /** Items a generic feed would keep: those that mention the trust (all of them for a query feed). */
  mentioningTrust: z.number().int(),
  sample: z.array(
    z.object({
      title: z.string().nullable(),
      text: z.string(),
      publishedAt: z.string().nullable(),
      mentionsTrust: z.boolean(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type SourcePreview = z.infer<typeof SourcePreview>;

/** Deleting a source deletes its mentions: the person confirms the count they were shown. */
export const SourceDeletion = z.object({ mentions: z.number().int() });
export type SourceDeletion = z.infer<typeof SourceDeletion>;
export const SourceDeleteQuery = z.object({
  confirmMentions: z.coerce.number().int().nonnegative(),
});

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

/** The same source already added, found by its normalised address. */
export const DuplicateSource = z.object({ existingId: z.number().int(), existingName: z.string() });
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

/** One person's mentions to remove everywhere: by their handle, on one source or all. */
export const ErasureBody = z
  .object({
    author: z.string().trim().min(1, 'Give the author’s handle or name').max(512),
    sourceId: z.number().int().positive().optional(),
  })
  .strict();
export type ErasureBody = z.infer<typeof ErasureBody>;

export const ErasureResult = z.object({
  /** Stored mentions removed. */
  mentionsDeleted: z.number().int(),
  /** Mentions removed from jobs still waiting in the queue. */
  queuedRemoved: z.number().int(),
});
export type ErasureResult = z.infer<typeof ErasureResult>;
