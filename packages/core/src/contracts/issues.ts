import { z } from 'zod';

/** A mention behind an issue, always the redacted copy: the page is read by every role. */
export const IssueMentionDto = z.object({
  id: z.number().int(),
  sourceName: z.string(),
  author: z.string().nullable(),
  text: z.string(),
  publishedAt: z.string().nullable(),
  sentimentLabel: z.string(),
});
export type IssueMentionDto = z.infer<typeof IssueMentionDto>;

/** An open emerging issue as the Issues page shows it (GET /api/issues). */
export const IssueDto = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(['topic', 'term', 'story', 'thread']),
  label: z.string(),
  severity: z.enum(['watch', 'alert', 'page']),
  explanation: z.string(),
  openedAt: z.string(),
  updatedAt: z.string(),
  peakAuthors: z.number().int(),
  mentions: z.array(IssueMentionDto),
  /** Acknowledged by an officer (known and dismissed issues are not listed). */
  acknowledged: z.boolean(),
});
export type IssueDto = z.infer<typeof IssueDto>;

/** A conversation getting hotter (watch, alert or page), as the Issues page shows it. */
export const ThreadEscalationDto = z.object({
  sourceId: z.number().int(),
  sourceName: z.string(),
  /** The root post's id at the source: used to open the thread, never shown. */
  rootId: z.string(),
  /** The opening words of the conversation. */
  title: z.string(),
  level: z.enum(['watch', 'alert', 'page']),
  score: z.number(),
  explanation: z.string(),
  escalatedAt: z.string().nullable(),
  assessedAt: z.string(),
});
export type ThreadEscalationDto = z.infer<typeof ThreadEscalationDto>;

export const IssueList = z.object({
  items: z.array(IssueDto),
  threads: z.array(ThreadEscalationDto),
});
export type IssueList = z.infer<typeof IssueList>;

export const ISSUE_TRIAGE_ACTIONS = ['acknowledge', 'known', 'dismiss'] as const;

/** POST /api/issues/:id/triage: what an officer says about an issue. */
export const IssueTriageBody = z.object({
  action: z.enum(ISSUE_TRIAGE_ACTIONS),
  /** For `known`: hide it for this many hours (a day unless said). */
  knownForHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .optional(),
});
export type IssueTriageBody = z.infer<typeof IssueTriageBody>;

export const IssueTriageResult = z.object({
  id: z.number().int(),
  triage: z.enum(['acknowledged', 'known', 'dismissed']),
  knownUntil: z.string().nullable(),
});
export type IssueTriageResult = z.infer<typeof IssueTriageResult>;
