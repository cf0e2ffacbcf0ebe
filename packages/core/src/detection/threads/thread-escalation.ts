import { clamp01, median, wilsonLowerBound } from '../robust.ts';
import type { Severity } from '../severity.ts';

/**
 * How hot a conversation is getting (../shared/reference/detection.md §3): replies against the
 * thread's own pace, a shift towards negative, new people with reach joining, how many people
 * take part, and any safety flag. A score in [0, 1] made of parts an officer can read.
 */

export interface ThreadReply {
  time: number;
  author: string;
  negative: boolean;
  followers: number;
  safety: boolean;
}

export const THREAD_POLICY = {
  windowMinutes: 60,
  /** The thread's own pace is the median of the windows over this many hours before. */
  historyHours: 6,
  /** Replies per hour a thread is assumed to get before it has a history of its own. */
  typicalRepliesPerHour: 2,
  /** Negative share of replies trust-wide, used until the thread has its own. */
  usualNegativeShare: 0.3,
  weights: { velocity: 0.35, negative: 0.3, reach: 0.2, authors: 0.15 },
  /** The z of velocity, shift of negative share, reach and authors that count in full. */
  full: { velocity: 4, negative: 0.3, reach: 6, authors: 20 },
  watch: 0.45,
  alert: 0.6,
  /** Alert needs the score held for this many assessments in a row. */
  alertHolds: 2,
  page: 0.75,
  /** With a safety flag in the window, page from this score. */
  safetyPage: 0.4,
  /** Assessments closer together than this count as one (the worker ticks every minute). */
  assessEveryMinutes: 15,
} as const;

export interface ThreadAssessment {
  score: number;
  replies: number;
  usualReplies: number;
  velocityZ: number;
  negativeShare: number;
  usualNegativeShare: number;
  authors: number;
  newAuthors: number;
  /** Σ log10(1 + followers) over the new authors. */
  reach: number;
  newFollowers: number;
  safety: boolean;
}

const MINUTE_MS = 60_000;

export function assessThread(
  replies: readonly ThreadReply[],
  now: number,
  policy = THREAD_POLICY,
): ThreadAssessment {
  const windowMs = policy.windowMinutes * MINUTE_MS;
  const start = now - windowMs;
  const recent = replies.filter((r) => r.time > start && r.time <= now);
  const earlier = replies.filter((r) => r.time <= start);

  const first = replies.reduce((t, r) => Math.min(t, r.time), now);
  const history: number[] = [];
  for (let k = 1; k <= policy.historyHours; k++) {
    const from = start - k * windowMs;
    if (from + windowMs <= first) break;
    history.push(earlier.filter((r) => r.time > from && r.time <= from + windowMs).length);
  }
  const usualReplies =
    history.length >= 2
      ? median(history)
      : (policy.typicalRepliesPerHour * policy.windowMinutes) / 60;
  const velocityZ = (recent.length - usualReplies) / Math.sqrt(usualReplies + 1);

  const negatives = recent.filter((r) => r.negative).length;
  const usualNegativeShare =
    earlier.length >= 10
      ? earlier.filter((r) => r.negative).length / earlier.length
      : policy.usualNegativeShare;
  const cautiousShare = wilsonLowerBound(negatives, recent.length);

  const seen = new Set(earlier.map((r) => r.author));
  const newcomers = new Map<string, number>();
  for (const r of recent) {
    if (!seen.has(r.author))
      newcomers.set(r.author, Math.max(newcomers.get(r.author) ?? 0, r.followers));
  }
  let reach = 0;
  let newFollowers = 0;
  for (const f of newcomers.values()) {
    reach += Math.log10(1 + Math.max(0, f));
    newFollowers += Math.max(0, f);
  }
  const authors = new Set(recent.map((r) => r.author)).size;

  const w = policy.weights;
  const score =
    w.velocity * clamp01(velocityZ / policy.full.velocity) +
    w.negative * clamp01((cautiousShare - usualNegativeShare) / policy.full.negative) +
    w.reach * clamp01(reach / policy.full.reach) +
    w.authors * clamp01(authors / policy.full.authors);

  return {
    score,
    replies: recent.length,
    usualReplies,
    velocityZ,
    negativeShare: recent.length > 0 ? negatives / recent.length : 0,
    usualNegativeShare,
    authors,
    newAuthors: newcomers.size,
    reach,
    newFollowers,
    safety: recent.some((r) => r.safety),
  };
}

/** The escalation level a thread holds between assessments. */
export interface ThreadEscalationState {
  level: Severity | null;
  /** Assessments in a row at or above the alert score. */
  highStreak: number;
  lastAssessedAt: number | null;
}

export const INITIAL_THREAD_STATE: ThreadEscalationState = {
  level: null,
  highStreak: 0,
  lastAssessedAt: null,
};

/**
 * Watch at a lower score, alert when a high score holds, page when it is steep or a safety flag
 * appears. Emits `escalated` when the level rises; the level falls back once the score does.
 */
export function stepThreadEscalation(
  state: ThreadEscalationState,
  assessment: ThreadAssessment,
  now: number,
  policy = THREAD_POLICY,
): { state: ThreadEscalationState; escalated: Severity | null } {
  const newWindow =
    state.lastAssessedAt === null ||
    now - state.lastAssessedAt >= policy.assessEveryMinutes * MINUTE_MS;
  if (!newWindow) return { state, escalated: null };
  const { score } = assessment;
  const highStreak = score >= policy.alert ? state.highStreak + 1 : 0;
  let level: Severity | null = null;
  if (score >= policy.page || (assessment.safety && score >= policy.safetyPage)) level = 'page';
  else if (highStreak >= policy.alertHolds) level = 'alert';
  else if (score >= policy.watch) level = 'watch';
  const rank = (s: Severity | null) => (s === null ? -1 : ['watch', 'alert', 'page'].indexOf(s));
  const escalated = rank(level) > rank(state.level) ? level : null;
  return { state: { level, highStreak, lastAssessedAt: now }, escalated };
}
