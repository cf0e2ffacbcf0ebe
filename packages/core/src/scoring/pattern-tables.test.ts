import { describe, expect, test } from 'vitest';
import { compilePatterns } from './pattern-set.ts';
import { PATTERN_LIST_RULES } from './pattern-tables.ts';

describe('every pattern-list rule', () => {
  test('has a unique id', () => {
    const ids = PATTERN_LIST_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of PATTERN_LIST_RULES) {
    const re = compilePatterns(rule.patterns, rule.flags ?? 'g');
    const matches = (text: string) => {
      re.lastIndex = 0;
      return re.test(text.toLowerCase());
    };
    describe(`${rule.id}: ${rule.meaning}`, () => {
      test('has patterns and examples both ways', () => {
        expect(rule.patterns.length).toBeGreaterThan(0);
        expect(rule.matches.length).toBeGreaterThan(0);
        expect(rule.mustNotMatch.length).toBeGreaterThan(0);
      });
      test.each(rule.matches)('matches "%s"', (text) => {
        expect(matches(text)).toBe(true);
      });
      test.each(rule.mustNotMatch)('does not match "%s"', (text) => {
        expect(matches(text)).toBe(false);
      });
    });
  }
});
