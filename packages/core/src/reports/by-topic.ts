import { labelCountsOf, netSentiment } from './net-sentiment.ts';
import type { ReportMention } from './report-input.ts';
import type { TopicRow } from './report-schema.ts';

export const TOPIC_MOVERS = 5;

function byTopicName(mentions: readonly ReportMention[]): Map<string, ReportMention[]> {
  const groups = new Map<string, ReportMention[]>();
  for (const m of mentions) {
    for (const topic of new Set(m.topics)) {
      const list = groups.get(topic);
      if (list) list.push(m);
      else groups.set(topic, [m]);
    }
  }
  return groups;
}

/** The scorer writes hashtags as "#tag" topics; the trust's taxonomy names its own. */
function topicGroup(topic: string, taxonomy: ReadonlySet<string>): TopicRow['group'] {
  if (taxonomy.has(topic)) return 'taxonomy';
  return topic.startsWith('#') ? 'hashtag' : 'framework';
}

/** Every topic raised this week or last, busiest first; a mention counts once in each of its topics. */
export function byTopic(
  mentions: readonly ReportMention[],
  previous: readonly ReportMention[],
  taxonomyTopics: readonly string[],
): TopicRow[] {
  const now = byTopicName(mentions);
  const before = byTopicName(previous);
  const taxonomy = new Set(taxonomyTopics);
  const names = new Set([...now.keys(), ...before.keys()]);
  return [...names]
    .map((topic) => {
      const list = now.get(topic) ?? [];
      const counts = labelCountsOf(list);
      const previousMentions = before.get(topic)?.length ?? 0;
      return {
        topic,
        group: topicGroup(topic, taxonomy),
        mentions: list.length,
        previousMentions,
        change: list.length - previousMentions,
        ...counts,
        netSentiment: netSentiment(counts).value,
      };
    })
    .sort((a, b) => b.mentions - a.mentions || a.topic.localeCompare(b.topic));
}

/**
 * The topics that moved most against last week: by size of the change, then by how large it is
 * relative to last week (from 1 to 6 moves more than from 50 to 55).
 */
export function topicMovers(rows: readonly TopicRow[], count = TOPIC_MOVERS): TopicRow[] {
  const relative = (r: TopicRow) => Math.abs(r.change) / Math.max(1, r.previousMentions);
  return rows
    .filter((r) => r.change !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.change) - Math.abs(a.change) ||
        relative(b) - relative(a) ||
        a.topic.localeCompare(b.topic),
    )
    .slice(0, count);
}
