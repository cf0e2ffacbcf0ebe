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
});
export type IssueDto = z.infer<typeof IssueDto>;

export const IssueList = z.object({ items: z.array(IssueDto) });
export type IssueList = z.infer<typeof IssueList>;
