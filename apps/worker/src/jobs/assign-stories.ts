import {
  assignStory,
  createStoryIndex,
  HOUR_MS,
  rememberStory,
  STORY_POLICY,
  type StoryInput,
} from '@barometer/core';
import { listStoryCandidates, type Queryable, saveStories } from '@barometer/db';

/**
 * Gives every recent mention without a story one: the index is rebuilt from the story window's
 * stored assignments, then the new mentions are clustered in time order. Returns how many got one.
 */
export async function assignNewStories(q: Queryable, now: number): Promise<number> {
  const since = new Date(now - STORY_POLICY.windowHours * HOUR_MS);
  const candidates = await listStoryCandidates(q, since);
  if (!candidates.some((c) => c.storyId === null)) return 0;
  const index = createStoryIndex();
  const assigned: { mentionId: number; storyId: number }[] = [];
  for (const c of candidates) {
    const input: StoryInput = {
      id: String(c.id),
      sourceId: String(c.sourceId),
      author: c.author,
      text: c.text,
      time: c.time.getTime(),
    };
    if (c.storyId !== null) rememberStory(index, input, String(c.storyId));
    else assigned.push({ mentionId: c.id, storyId: Number(assignStory(index, input)) });
  }
  await saveStories(q, assigned);
  return assigned.length;
}
