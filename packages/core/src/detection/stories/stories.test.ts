import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HOUR_MS } from '../hours.ts';
import {
  assignStory,
  clusterStories,
  createStoryIndex,
  pruneStoryIndex,
  rememberStory,
  type StoryInput,
  storyCounts,
  summariseStories,
} from './stories.ts';

const T0 = Date.UTC(2026, 2, 3, 9);

function post(id: string, text: string, over: Partial<StoryInput> = {}): StoryInput {
  return { id, text, sourceId: 'mastodon', author: `author-${id}`, time: T0, ...over };
}

const medication = [
  post('m1', 'Wrong medication on my discharge letter again! @NorthfieldNHS'),
  post('m2', 'wrong medication on the discharge letter', { time: T0 + 5 * 60_000 }),
  post('m3', 'RT @ann: Wrong medication on my discharge letter again! @NorthfieldNHS', {
    time: T0 + 9 * 60_000,
  }),
];
const news = [
  post('n1', 'Hospital trust fined £2m over patient death, inquest hears', {
    sourceId: 'bbc',
    author: null,
  }),
  post('n2', 'Hospital trust fined £2m over patient death, inquest told', {
    sourceId: 'guardian',
    author: null,
    time: T0 + HOUR_MS,
  }),
  post('n3', 'Hospital trust fined £2m over patient death, inquest hears', {
    sourceId: 'itv',
    author: null,
    time: T0 + 2 * HOUR_MS,
  }),
];
const unrelated = post('u1', 'Parking at the main entrance is a nightmare this morning');

describe('story clustering', () => {
  test('near-identical posts within minutes are one story, named by its first post', () => {
    const stories = clusterStories([...medication, unrelated]);
    expect(medication.map((m) => stories.get(m.id))).toEqual(['m1', 'm1', 'm1']);
    expect(stories.get('u1')).toBe('u1');
  });

  test('the same news story from three sources shows once, "also in 3 sources"', () => {
    const stories = clusterStories(news);
    const [summary] = summariseStories(news, stories);
    expect(summariseStories(news, stories)).toHaveLength(1);
    expect(summary).toMatchObject({ storyId: 'n1', sources: 3, mentions: 3, authors: 3 });
    expect(summary!.label).toBe('Hospital trust fined £2m over patient death, inquest hears');
  });

  test("a feed's repeats of its own item never count twice", () => {
    const repeat = post('n1b', news[0]!.text, {
      sourceId: 'bbc',
      author: null,
      time: T0 + 3 * HOUR_MS,
    });
    const all = [...news, repeat];
    const stories = clusterStories(all);
    expect(stories.get('n1b')).toBe('n1');
    expect(storyCounts(all, stories)).toEqual({ mentions: 4, items: 3, stories: 1, authors: 3 });
  });

  test('counts are by stories and distinct authors, not copies', () => {
    const fromAnn = medication.map((m) => ({ ...m, author: 'ann' }));
    const all = [...fromAnn, unrelated];
    expect(storyCounts(all, clusterStories(all))).toMatchObject({ stories: 2, authors: 2 });
  });

  test('posts too far apart in time are separate stories', () => {
    const later = post('late', medication[0]!.text, { time: T0 + 100 * HOUR_MS });
    expect(clusterStories([medication[0]!, later]).get('late')).toBe('late');
  });

  test('very short posts are their own story', () => {
    const stories = clusterStories([post('a', 'Thank you!'), post('b', 'thank you')]);
    expect(stories.get('b')).toBe('b');
  });

  test('stories stored earlier are joined by new posts after the index is rebuilt', () => {
    const index = createStoryIndex();
    rememberStory(index, medication[0]!, 'stored-story');
    expect(assignStory(index, medication[1]!)).toBe('stored-story');
    expect(assignStory(index, unrelated)).toBe('u1');
  });

  test('pruning forgets posts older than the story window', () => {
    const index = createStoryIndex();
    assignStory(index, medication[0]!);
    assignStory(index, unrelated);
    index.newest = T0 + 1000 * HOUR_MS;
    pruneStoryIndex(index);
    expect(index.buckets.size).toBe(0);
  });

  test('stories do not depend on the order the batch arrives in', () => {
    const all = [...medication, ...news, unrelated];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(clusterStories(shuffled)).toEqual(clusterStories(all));
      }),
      { numRuns: 50 },
    );
  });
});
