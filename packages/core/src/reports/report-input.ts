import type { RiskFlags } from '../contracts/api.ts';
import type { SentimentLabel, SourceKind } from '../mention.ts';

/**
 * One mention reduced to what the report counts: no text and no author name (the author is a key
 * that only tells two mentions by the same person apart).
 */
export interface ReportMention {
  id: number;
  sourceId: number;
  /** When it was said (published, else fetched), ISO. */
  at: string;
  label: SentimentLabel;
  score: number;
  topics: readonly string[];
  flags: Pick<RiskFlags, 'safeguarding' | 'patientSafety' | 'complaint'>;
  authorKey: string | null;
  /** Mentions with the same key are one conversation (source + root item). */
  threadKey: string;
  /** Set when this mention is the one that opened its thread. */
  isThreadRoot: boolean;
  /** The story it tells (detection groups the same news told in many places); null until assigned. */
  storyKey?: string | null;
  /** Equal for mentions with the same words (a repost, a syndicated article); no text itself. */
  contentKey?: string | null;
}

export interface ReportSource {
  id: number;
  name: string;
  kind: SourceKind;
  createdAt: string;
  /** When it was deleted, if it was; it still counts for the weeks it listened. */
  deletedAt?: string | null;
}

/** A stretch of time a source could not be read; `to` null while it is still down. */
export interface SourceOutage {
  sourceId: number;
  from: string;
  to: string | null;
}

/** One week's totals, from the database's weekly rollup or from `weekTotals`. */
export interface WeekTotals {
  week: string;
  mentions: number;
  positive: number;
  neutral: number;
  negative: number;
  authors: number;
  /** Null until stories are detected. */
  stories: number | null;
}

export interface IssueInput {
  id: number;
  kind: 'topic' | 'term' | 'story' | 'thread';
  label: string;
  severity: 'watch' | 'alert' | 'page';
  explanation: string;
  openedAt: string;
  closedAt: string | null;
}

export interface ReportInput {
  week: string;
  now: string;
  /** This week's mentions. */
  mentions: readonly ReportMention[];
  /** Last week's mentions, for the by-source and by-topic comparisons. */
  previousMentions: readonly ReportMention[];
  /** Totals for the 12 weeks before this one and this one; missing weeks are filled with zero. */
  totals: readonly WeekTotals[];
  sources: readonly ReportSource[];
  outages: readonly SourceOutage[];
  /** Topic names of the trust's own taxonomy, to tell them from the framework's. */
  taxonomyTopics: readonly string[];
  /**
   * Emerging issues open at some point in the week, from detection; null where detection has
   * never run (no issue table or no run yet), so the report says so rather than "none".
   */
  issues?: readonly IssueInput[] | null;
  /** The first week the deployment listened: earlier weeks are not counted as quiet ones. */
  firstWeek: string | null;
}
