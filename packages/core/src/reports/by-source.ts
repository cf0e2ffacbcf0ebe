import type { SourceKind } from '../mention.ts';
import { labelCountsOf, netSentiment } from './net-sentiment.ts';
import type { ReportMention, ReportSource } from './report-input.ts';
import type { SourceKindRow, SourceRow } from './report-schema.ts';

function groupBy<K>(mentions: readonly ReportMention[], key: (m: ReportMention) => K) {
  const groups = new Map<K, ReportMention[]>();
  for (const m of mentions) {
    const k = key(m);
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  return groups;
}

/**
 * Every source that listened this or last week, busiest first; a source with no mentions is
 * listed with zero, because silence from a source is itself worth seeing.
 */
export function bySource(
  mentions: readonly ReportMention[],
  previous: readonly ReportMention[],
  sources: readonly ReportSource[],
): SourceRow[] {
  const now = groupBy(mentions, (m) => m.sourceId);
  const before = groupBy(previous, (m) => m.sourceId);
  return sources
    .map((s) => {
      const list = now.get(s.id) ?? [];
      const counts = labelCountsOf(list);
      return {
        sourceId: s.id,
        name: s.name,
        kind: s.kind,
        mentions: list.length,
        previousMentions: before.get(s.id)?.length ?? 0,
        ...counts,
        netSentiment: netSentiment(counts).value,
      };
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** The same figures added up per kind of source (news and blogs, Mastodon, Reddit...). */
export function bySourceKind(rows: readonly SourceRow[]): SourceKindRow[] {
  const byKind = new Map<SourceKind, SourceKindRow>();
  for (const row of rows) {
    const acc = byKind.get(row.kind) ?? {
      kind: row.kind,
      mentions: 0,
      previousMentions: 0,
      positive: 0,
      neutral: 0,
      negative: 0,
      netSentiment: null,
    };
    acc.mentions += row.mentions;
    acc.previousMentions += row.previousMentions;
    acc.positive += row.positive;
    acc.neutral += row.neutral;
    acc.negative += row.negative;
    byKind.set(row.kind, acc);
  }
  return [...byKind.values()]
    .map((row) => ({ ...row, netSentiment: netSentiment(row).value }))
    .sort((a, b) => b.mentions - a.mentions);
}
