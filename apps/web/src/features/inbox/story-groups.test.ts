import { expect, test } from 'vitest';
import { alsoInText, foldStories } from './story-groups.ts';
import { testMention } from './test-mention.ts';

const story = (id: number, copies: number, sources: number) => ({ story: { id, copies, sources } });
// Newest first: 9 and 7 and 4 tell story 4; 8 stands alone; 6 is a story of one.
const list = [
  testMention(9, story(4, 2, 2)),
  testMention(8),
  testMention(7, story(4, 2, 2)),
  testMention(6, story(6, 0, 0)),
  testMention(4, story(4, 2, 2)),
];

test('a story told in several places shows once, led by its newest copy', () => {
  const items = foldStories(list);
  expect(items.map((i) => i.mention.id)).toEqual([9, 8, 6]);
  expect(items[0]!.story).toMatchObject({
    storyId: 4,
    role: 'lead',
    expanded: false,
    otherSources: 2,
  });
  expect(items[1]!.story).toBeNull();
  expect(items[2]!.story).toBeNull();
});

test('an expanded story lists its loaded copies right after its lead', () => {
  const items = foldStories(list, new Set([4]));
  expect(items.map((i) => [i.mention.id, i.story?.role ?? null])).toEqual([
    [9, 'lead'],
    [7, 'copy'],
    [4, 'copy'],
    [8, null],
    [6, null],
  ]);
});

test('the fold says how many other sources, or how many more when they are all from one source', () => {
  expect(alsoInText({ otherSources: 3, otherCopies: 5 })).toBe('also in 3 sources');
  expect(alsoInText({ otherSources: 1, otherCopies: 1 })).toBe('also in 1 other source');
  expect(alsoInText({ otherSources: 0, otherCopies: 2 })).toBe('2 more like this');
});
