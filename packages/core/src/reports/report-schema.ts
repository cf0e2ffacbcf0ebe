import { z } from 'zod';
import { SentimentLabel, SourceKind } from '../mention.ts';

/**
 * The weekly barometer as stored in a snapshot and sent to the page, the e-mail and the exports.
 * Aggregates and mention ids only: no mention text, no author names.
 */

/** A count this week, against last week and the average of the 12 weeks before. */
export const CountFigure = z.object({
  value: z.number().int().nonnegative(),
  previous: z.number().int().nonnegative().nullable(),
  average12: z.number().nonnegative().nullable(),
});
export type CountFigure = z.infer<typeof CountFigure>;

/** Net sentiment in points (-100..100): positive share minus negative share, with its 95% interval. */
export const NetSentiment = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** How many scored mentions it rests on. */
  n: z.number().int().nonnegative(),
});
export type NetSentiment = z.infer<typeof NetSentiment>;

export const SentimentFigure = NetSentiment.extend({
  previous: z.number().nullable(),
  average12: z.number().nullable(),
});
export type SentimentFigure = z.infer<typeof SentimentFigure>;

export const LabelCounts = z.object({
  positive: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
});
export type LabelCounts = z.infer<typeof LabelCounts>;

export const TrendPoint = LabelCounts.extend({
  week: z.string(),
  from: z.string(),
  mentions: z.number().int().nonnegative(),
  netSentiment: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const SourceKindRow = LabelCounts.extend({
  kind: SourceKind,
  mentions: z.number().int().nonnegative(),
  previousMentions: z.number().int().nonnegative(),
  netSentiment: z.number().nullable(),
});
export type SourceKindRow = z.infer<typeof SourceKindRow>;

export const SourceRow = SourceKindRow.extend({ sourceId: z.number().int(), name: z.string() });
export type SourceRow = z.infer<typeof SourceRow>;

export const TopicRow = LabelCounts.extend({
  topic: z.string(),
  /** The patient-experience framework, the trust's own taxonomy (sites, wards, services), or a hashtag. */
  group: z.enum(['framework', 'taxonomy', 'hashtag']),
  mentions: z.number().int().nonnegative(),
  previousMentions: z.number().int().nonnegative(),
  change: z.number().int(),
  netSentiment: z.number().nullable(),
});
export type TopicRow = z.infer<typeof TopicRow>;

/** Counts only, never the text: these are about patients. */
export const SafetyCounts = z.object({
  safeguarding: z.number().int().nonnegative(),
  patientSafety: z.number().int().nonnegative(),
  complaints: z.number().int().nonnegative(),
  previousSafeguarding: z.number().int().nonnegative(),
  previousPatientSafety: z.number().int().nonnegative(),
  /** How they ended, from triage; not yet recorded anywhere. */
  outcomes: z.lazy(() => Unavailable),
});
export type SafetyCounts = z.infer<typeof SafetyCounts>;

export const StoryRow = z.object({
  mentionId: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  sentimentScore: z.number(),
  label: SentimentLabel,
});
export type StoryRow = z.infer<typeof StoryRow>;

export const ThreadRow = z.object({
  /** The mention that opened the thread when it is stored, else the earliest one seen. */
  mentionId: z.number().int(),
  sourceId: z.number().int(),
  sourceName: z.string(),
  mentions: z.number().int().positive(),
  authors: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  netSentiment: z.number().nullable(),
});
export type ThreadRow = z.infer<typeof ThreadRow>;

/** A part of the report whose data does not exist yet: said plainly, never an empty chart. */
export const Unavailable = z.object({ available: z.literal(false), message: z.string() });
export type Unavailable = z.infer<typeof Unavailable>;

export const CoverageRow = z.object({
  sourceId: z.number().int(),
  name: z.string(),
  kind: SourceKind,
  hoursDown: z.number().nonnegative(),
  /** The source existed for only part of the week (added, or removed). */
  hoursListening: z.number().nonnegative(),
  mentions: z.number().int().nonnegative(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const Coverage = z.object({
  hoursInWeek: z.number().positive(),
  sources: z.array(CoverageRow),
  sourcesDown: z.number().int().nonnegative(),
  /** Plain words: whether the week's figures can be read at face value. */
  message: z.string(),
});
export type Coverage = z.infer<typeof Coverage>;

/** An emerging issue that was open at some point in the week, and how it ended. */
export const IssueRow = z.object({
  id: z.number().int(),
  kind: z.enum(['topic', 'term', 'story', 'thread']),
  label: z.string(),
  severity: z.enum(['watch', 'alert', 'page']),
  explanation: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** `open`: still open when the report was built; `closed`: ended (possibly after the week). */
  outcome: z.enum(['open', 'closed']),
});
export type IssueRow = z.infer<typeof IssueRow>;

export const EmergingIssues = z.union([
  Unavailable,
  z.object({ available: z.literal(true), items: z.array(IssueRow) }),
]);
export type EmergingIssues = z.infer<typeof EmergingIssues>;

export const PreviousWeek = z.object({
  week: z.string(),
  mentions: z.number().int().nonnegative(),
  stories: z.number().int().nonnegative(),
  authors: z.number().int().nonnegative(),
  netSentiment: z.number().nullable(),
});

export const WeeklyReport = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  timeZone: z.literal('Europe/London'),
  generatedAt: z.string(),
  mentions: CountFigure,
  stories: CountFigure,
  /** `mentions` until stories (near-duplicates grouped) are detected: then it counts stories. */
  storiesBasis: z.enum(['stories', 'mentions']),
  authors: CountFigure,
  netSentiment: SentimentFigure,
  previous: PreviousWeek,
  /** The week in sentences, most important first. */
  headline: z.array(z.string()),
  trend: z.array(TrendPoint),
  bySourceKind: z.array(SourceKindRow),
  bySource: z.array(SourceRow),
  byTopic: z.array(TopicRow),
  topicMovers: z.array(TopicRow),
  safety: SafetyCounts,
  bestStories: z.array(StoryRow),
  threads: z.array(ThreadRow),
  emergingIssues: EmergingIssues,
  escalatingThreads: Unavailable,
  responsiveness: Unavailable,
  coverage: Coverage,
});
export type WeeklyReport = z.infer<typeof WeeklyReport>;
