import type { MentionDto } from '@barometer/core';

/** How a mention shows in the stream as part of a story told in several places. */
export interface StoryPlace {
  storyId: number;
  /** The first (newest) copy in the list leads; the others fold under it. */
  role: 'lead' | 'copy';
  /** Other sources telling it, and other copies (from the server: not only those loaded). */
  otherSources: number;
  otherCopies: number;
  expanded: boolean;
}

export interface StoryItem {
  mention: MentionDto;
  story: StoryPlace | null;
}

/**
 * Folds the copies of one story into its newest mention: the stream shows the story once, and
 * its loaded copies right after it only when the officer expanded it. Input newest first; a
 * mention without a story, or whose story has no other copy, stands alone.
 */
export function foldStories(
  mentions: readonly MentionDto[],
  expanded: ReadonlySet<number> = new Set(),
): StoryItem[] {
  const copiesOf = new Map<number, MentionDto[]>();
  const leads = new Set<number>();
  for (const m of mentions) {
    if (!m.story || m.story.copies === 0) continue;
    const list = copiesOf.get(m.story.id);
    if (list) list.push(m);
    else {
      copiesOf.set(m.story.id, []);
      leads.add(m.id);
    }
  }
  const out: StoryItem[] = [];
  for (const m of mentions) {
    if (!m.story || m.story.copies === 0) {
      out.push({ mention: m, story: null });
      continue;
    }
    if (!leads.has(m.id)) continue;
    const storyId = m.story.id;
    const open = expanded.has(storyId);
    const place = { storyId, otherSources: m.story.sources, otherCopies: m.story.copies };
    out.push({ mention: m, story: { ...place, role: 'lead', expanded: open } });
    if (!open) continue;
    for (const copy of copiesOf.get(storyId) ?? []) {
      out.push({
        mention: copy,
        story: {
          storyId,
          role: 'copy',
          otherSources: copy.story?.sources ?? 0,
          otherCopies: copy.story?.copies ?? 0,
          expanded: true,
        },
      });
    }
  }
  return out;
}

/** "also in 3 sources", or "3 more like this" when every copy came from the same source. */
export function alsoInText(place: Pick<StoryPlace, 'otherSources' | 'otherCopies'>): string {
  if (place.otherSources > 0) {
    return place.otherSources === 1
      ? 'also in 1 other source'
      : `also in ${place.otherSources} sources`;
  }
  return `${place.otherCopies} more like this`;
}
