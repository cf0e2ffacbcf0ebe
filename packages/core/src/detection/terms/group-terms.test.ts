import { describe, expect, test } from 'vitest';
import { countTerms, emergingTerms } from './emerging-terms.ts';
import { groupCooccurringTerms } from './group-terms.ts';

const none = new Set<string>();
const background = countTerms(
  Array.from({ length: 200 }, (_, i) => ({
    author: `bg-${i}`,
    text: ['The food on the ward was cold', 'Staff were kind and quick', 'Long wait in A&E'][
      i % 3
    ]!,
    negative: false,
  })),
  none,
);

describe('grouping terms that emerge together', () => {
  test('the words of one burst become one term, the strongest, with the others as related', () => {
    const recent = Array.from({ length: 8 }, (_, i) => ({
      author: `noro-${i}`,
      text: 'Norovirus outbreak, visiting stopped on the ward',
      negative: true,
    }));
    const found = emergingTerms(countTerms(recent, none), background);
    expect(found.length).toBeGreaterThan(1);
    const groups = groupCooccurringTerms(found, recent, none);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.related.length).toBe(found.length - 1);
    expect(groups[0]!.term).toContain(' ');
  });

  test('two unrelated events used by different people stay two terms', () => {
    const recent = [
      ...Array.from({ length: 8 }, (_, i) => ({
        author: `a-${i}`,
        text: 'norovirus',
        negative: true,
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        author: `b-${i}`,
        text: 'strike',
        negative: true,
      })),
    ];
    const found = emergingTerms(countTerms(recent, none), background);
    const groups = groupCooccurringTerms(found, recent, none);
    expect(groups.map((g) => g.term).sort()).toEqual(['norovirus', 'strike']);
  });
});
