import { describe, expect, test } from 'vitest';
import { assembleThread, isTrustAuthor } from './assemble.ts';

const post = (externalId: string, parentExternalId: string | null, minute: number) => ({
  externalId,
  parentExternalId,
  publishedAt: new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString(),
});

describe('assembleThread', () => {
  test('a thread assembled from replies that arrive before their parents reads in tree order', () => {
    const arrived = [post('c', 'b', 3), post('d', 'a', 4), post('b', 'a', 2), post('a', null, 1)];
    const tree = assembleThread(arrived, 'b');
    expect(tree.map((e) => [e.item.externalId, e.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 1],
    ]);
    expect(tree.find((e) => e.isFocus)?.item.externalId).toBe('b');
  });

  test('replies whose parent is not known yet start their own branch, marked', () => {
    const tree = assembleThread([post('a', null, 1), post('x', 'missing', 2)], null);
    expect(tree.map((e) => [e.item.externalId, e.parentMissing])).toEqual([
      ['a', false],
      ['x', true],
    ]);
  });

  test('a cycle in the parent links is cut and every post still appears once', () => {
    const tree = assembleThread([post('a', 'b', 1), post('b', 'a', 2)], null);
    expect(tree.map((e) => e.item.externalId).sort()).toEqual(['a', 'b']);
  });

  test('the same post twice appears once', () => {
    expect(assembleThread([post('a', null, 1), post('a', null, 1)], null)).toHaveLength(1);
  });
});

describe('isTrustAuthor', () => {
  test("the trust's handles are recognised on every platform's author form", () => {
    const handles = ['@NorthfieldNHS'];
    expect(isTrustAuthor('@northfieldnhs', handles)).toBe(true);
    expect(isTrustAuthor('@NorthfieldNHS@social.example', handles)).toBe(true);
    expect(isTrustAuthor('@northfieldnhs.bsky.social', handles)).toBe(true);
    expect(isTrustAuthor('u/NorthfieldNHS', handles)).toBe(true);
    expect(isTrustAuthor('@northfieldnhsfan', handles)).toBe(false);
    expect(isTrustAuthor(null, handles)).toBe(false);
  });
});
