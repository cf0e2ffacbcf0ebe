/**
 * One text rule: a named, reviewable entry with the examples that must and must not match. Every
 * entry's examples run as tests (rule-tables.test.ts), so a rule cannot silently stop matching
 * what it was written for, or start matching what it must not.
 */
export interface TextRule {
  /** Stable name, used in evidence and tests ("hazard.fire"). */
  id: string;
  /** What a match means, in words an officer could review. */
  meaning: string;
  /** Regular-expression source, matched on lower-cased normalised text. */
  pattern: string;
  /** Texts the rule must match. */
  matches: readonly string[];
  /** Texts the rule must not match. */
  mustNotMatch: readonly string[];
}

export interface CompiledRule {
  rule: TextRule;
  re: RegExp;
}

export interface RuleHit {
  id: string;
  /** The matched words, as found in the text. */
  text: string;
  /** Offset of the match in the text it was run on. */
  index: number;
}

export function compileRules(rules: readonly TextRule[]): CompiledRule[] {
  return rules.map((rule) => ({ rule, re: new RegExp(rule.pattern, 'g') }));
}

/** The first match of each rule that matches, in table order. */
export function findHits(compiled: readonly CompiledRule[], lowerText: string): RuleHit[] {
  const out: RuleHit[] = [];
  for (const { rule, re } of compiled) {
    re.lastIndex = 0;
    const m = re.exec(lowerText);
    if (m !== null) out.push({ id: rule.id, text: m[0].trim(), index: m.index });
  }
  return out;
}

/** The first hit of one rule, or null. */
export function firstHit(compiled: CompiledRule, lowerText: string): RuleHit | null {
  compiled.re.lastIndex = 0;
  const m = compiled.re.exec(lowerText);
  return m === null ? null : { id: compiled.rule.id, text: m[0].trim(), index: m.index };
}
