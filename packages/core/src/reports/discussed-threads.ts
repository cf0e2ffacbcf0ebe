import { labelCountsOf, netSentiment } from './net-sentiment.ts';
import type { ReportMention, ReportSource } from './report-input.ts';
import type { ThreadRow } from './report-schema.ts';

export const TOP_THREADS = 5;

/** The conversations with the most mentions this week (a lone post is not a thread). */
export function discussedThreads(
  mentions: readonly ReportMention[],
  sources: readonly ReportSource[],
  count = TOP_THREADS,
): ThreadRow[] {
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const threads = new Map<string, ReportMention[]>();
  for (const m of mentions) {
    const list = threads.get(m.threadKey);
    if (list) list.push(m);
    else threads.set(m.threadKey, [m]);
  }
  return [...threads.values()]
    .filter((list) => list.length > 1)
    .map((list) => {
      const opener =
        list.find((m) => m.isThreadRoot) ??
        [...list].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)[0];
      const counts = labelCountsOf(list);
      const first = opener as ReportMention;
      return {
        mentionId: first.id,
        sourceId: first.sourceId,
        sourceName: names.get(first.sourceId) ?? 'a removed source',
        mentions: list.length,
        authors: new Set(list.map((m) => m.authorKey).filter(Boolean)).size,
        negative: counts.negative,
        netSentiment: netSentiment(counts).value,
      };
    })
    .sort((a, b) => b.mentions - a.mentions || b.authors - a.authors || a.mentionId - b.mentionId)
    .slice(0, count);
}
