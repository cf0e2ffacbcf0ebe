import {
  countTerms,
  DETECTION_POLICY,
  type EmergingTerm,
  emergingTerms,
  groupCooccurringTerms,
  HOUR_MS,
  hourStart,
  TERM_WINDOW,
  type TermCounts,
  trustWords,
} from '@barometer/core';
import { getTrustProfile, listTermDocs, type Queryable } from '@barometer/db';

/** Background counts are the slow part: kept per hour, since they change only when it turns. */
let backgroundCache: { key: string; counts: TermCounts } | null = null;

/**
 * Words and phrases suddenly used by many people in the last hours, against the weeks before.
 * The trust's own names never count as news; words that emerge together are one term. Nothing
 * emerges during the stream's warm-up.
 */
export async function findEmergingTerms(
  q: Queryable,
  input: { firstHour: number; currentHour: number; now: number },
): Promise<EmergingTerm[]> {
  if (input.currentHour - input.firstHour < DETECTION_POLICY.warmUpHours) return [];
  const profile = await getTrustProfile(q);
  const exclude = trustWords(profile ?? { name: '', aliases: [], handles: [], hashtags: [] });
  const recentFrom = hourStart(input.currentHour - TERM_WINDOW.recentHours + 1);
  const backgroundFrom = new Date(
    Math.max(
      hourStart(input.firstHour).getTime(),
      recentFrom.getTime() - TERM_WINDOW.backgroundDays * 24 * HOUR_MS,
    ),
  );
  const key = `${backgroundFrom.getTime()}|${recentFrom.getTime()}|${[...exclude].sort().join(',')}`;
  if (backgroundCache?.key !== key) {
    const docs = await listTermDocs(q, backgroundFrom, recentFrom);
    backgroundCache = { key, counts: countTerms(docs, exclude) };
  }
  const recentDocs = await listTermDocs(q, recentFrom, new Date(input.now + 1));
  const found = emergingTerms(countTerms(recentDocs, exclude), backgroundCache.counts);
  // The words of one event are one issue, named by its strongest term.
  return groupCooccurringTerms(found, recentDocs, exclude);
}
