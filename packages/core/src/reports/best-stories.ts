import type { ReportMention, ReportSource } from './report-input.ts';
import type { StoryRow } from './report-schema.ts';

export const BEST_STORIES = 5;

/**
 * The most positive mentions of the week, to share with staff. Safeguarding, patient-safety and
 * complaint items are never "good news", whatever their words; one per thread and one per
 * wording, so a single happy conversation or a syndicated article does not fill the list.
 */
export function bestStories(
  mentions: readonly ReportMention[],
  sources: readonly ReportSource[],
  count = BEST_STORIES,
): StoryRow[] {
  const names = new Map(sources.map((s) => [s.id, s.name]));
  const seenThreads = new Set<string>();
  const seenWords = new Set<string>();
  const rows: StoryRow[] = [];
  const candidates = mentions
    .filter(
      (m) =>
        m.label === 'positive' &&
        !m.flags.safeguarding &&
        !m.flags.patientSafety &&
        !m.flags.complaint,
    )
    .sort((a, b) => b.score - a.score || a.id - b.id);
  for (const m of candidates) {
    if (seenThreads.has(m.threadKey)) continue;
    if (m.contentKey && seenWords.has(m.contentKey)) continue;
    seenThreads.add(m.threadKey);
    if (m.contentKey) seenWords.add(m.contentKey);
    rows.push({
      mentionId: m.id,
      sourceId: m.sourceId,
      sourceName: names.get(m.sourceId) ?? 'a removed source',
      sentimentScore: m.score,
      label: m.label,
    });
    if (rows.length === count) break;
  }
  return rows;
}
