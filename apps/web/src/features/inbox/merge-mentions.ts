import type { MentionDto } from '@barometer/core';

/**
 * One list from the pages fetched over HTTP and the items that came over the live socket, newest
 * (highest id) first, each id once. Ids are assigned on insert, so id order is arrival order and
 * matches the API's cursor order. A live copy wins over a paged copy of the same id because it
 * was published later (a re-score is re-published).
 */
export function mergeMentions(
  paged: readonly MentionDto[],
  live: readonly MentionDto[],
): MentionDto[] {
  const byId = new Map<number, MentionDto>();
  for (const mention of paged) byId.set(mention.id, mention);
  for (const mention of live) byId.set(mention.id, mention);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** The highest id in any of the lists, or null when all are empty: what a resume asks after. */
export function highestId(...lists: readonly (readonly MentionDto[])[]): number | null {
  let max: number | null = null;
  for (const list of lists) {
    for (const mention of list) {
      if (max === null || mention.id > max) max = mention.id;
    }
  }
  return max;
}

/** How many mentions arrived after the newest one the officer has seen at the top of the list. */
export function countNewer(mentions: readonly MentionDto[], seenMaxId: number | null): number {
  if (seenMaxId === null) return 0;
  let count = 0;
  for (const mention of mentions) if (mention.id > seenMaxId) count++;
  return count;
}

/** Every topic in the list, alphabetically, for the topic filter's suggestions. */
export function collectTopics(mentions: readonly MentionDto[]): string[] {
  const topics = new Set<string>();
  for (const mention of mentions) for (const topic of mention.topics) topics.add(topic);
  return [...topics].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
