import { describe, expect, test } from 'vitest';
import { compileRules, firstHit } from '../rule-table.ts';
import { ALL_TEXT_RULES } from './all-rules.ts';

describe('every concept rule', () => {
  test('has a unique id', () => {
    const ids = ALL_TEXT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const compiled of compileRules(ALL_TEXT_RULES)) {
    const { rule } = compiled;
    describe(`${rule.id}: ${rule.meaning}`, () => {
      test('has examples both ways', () => {
        expect(rule.matches.length).toBeGreaterThan(0);
        expect(rule.mustNotMatch.length).toBeGreaterThan(0);
      });
      test.each(rule.matches)('matches "%s"', (text) => {
        expect(firstHit(compiled, text.toLowerCase())).not.toBeNull();
      });
      test.each(rule.mustNotMatch)('does not match "%s"', (text) => {
        expect(firstHit(compiled, text.toLowerCase())).toBeNull();
      });
    });
  }
});
