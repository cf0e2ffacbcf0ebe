import type { TrustProfile } from '../trust-profile.ts';
import { TOPIC_KEYWORDS } from './topic-keywords.ts';

export type Taxonomy = TrustProfile['taxonomy'];

interface KeywordRule {
  topic: string;
  re: RegExp;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression per topic: its keywords as whole words, case-insensitive. */
export function compileKeywordRules(table: Record<string, readonly string[]>): KeywordRule[] {
  return Object.entries(table)
    .filter(([, words]) => words.length > 0)
    .map(([topic, words]) => ({
      topic,
      re: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${words
          .map((w) => escapeRegExp(w.trim().replace(/^[#@]/, '')))
          .filter((w) => w !== '')
          .join('|')})(?![\\p{L}\\p{N}])`,
        'iu',
      ),
    }));
}

const FRAMEWORK_RULES = compileKeywordRules(TOPIC_KEYWORDS);
const taxonomyCache = new WeakMap<Taxonomy, KeywordRule[]>();

function taxonomyRules(taxonomy: Taxonomy): KeywordRule[] {
  let rules = taxonomyCache.get(taxonomy);
  if (!rules) {
    rules = compileKeywordRules(taxonomy);
    taxonomyCache.set(taxonomy, rules);
  }
  return rules;
}

export interface TopicMatch {
  topic: string;
  evidence: string;
}

/** Framework topics by keyword, and the trust's own taxonomy topics (editable in its profile). */
export function keywordTopics(text: string, taxonomy: Taxonomy | undefined): TopicMatch[] {
  const out: TopicMatch[] = [];
  for (const rule of FRAMEWORK_RULES) {
    const m = rule.re.exec(text);
    if (m) out.push({ topic: rule.topic, evidence: m[0] });
  }
  if (taxonomy) {
    for (const rule of taxonomyRules(taxonomy)) {
      const m = rule.re.exec(text);
      if (m) out.push({ topic: rule.topic, evidence: m[0] });
    }
  }
  return out;
}
