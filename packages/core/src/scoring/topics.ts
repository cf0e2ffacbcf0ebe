import type { TrustProfile } from '../trust-profile.ts';
import { TokenKind, type Tokens, tokenize } from './tokens.ts';
import { TOPIC_KEYWORDS } from './topic-keywords.ts';

export type Taxonomy = TrustProfile['taxonomy'];

/**
 * Keyword rules matched on tokens, not with one regular expression per topic: every keyword is
 * tokenised like the text, indexed by its first token, and the text's tokens are scanned once.
 */
export interface KeywordIndex {
  /** First token -> [topic, remaining tokens, keyword as written]. */
  byFirst: Map<string, { topic: string; rest: string[]; keyword: string }[]>;
}

export function compileKeywordRules(table: Record<string, readonly string[]>): KeywordIndex {
  const byFirst: KeywordIndex['byFirst'] = new Map();
  for (const [topic, words] of Object.entries(table)) {
    for (const keyword of words) {
      const t = tokenize(keyword.trim().replace(/^[#@]/, '')).values;
      const first = t[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ topic, rest: t.slice(1), keyword: keyword.trim() });
      byFirst.set(first, list);
    }
  }
  return { byFirst };
}

const FRAMEWORK = compileKeywordRules(TOPIC_KEYWORDS);
const taxonomyCache = new WeakMap<Taxonomy, KeywordIndex>();

function taxonomyIndex(taxonomy: Taxonomy): KeywordIndex {
  let index = taxonomyCache.get(taxonomy);
  if (!index) {
    index = compileKeywordRules(taxonomy);
    taxonomyCache.set(taxonomy, index);
  }
  return index;
}

export interface TopicMatch {
  topic: string;
  evidence: string;
}

function scan(index: KeywordIndex, tokens: Tokens, out: TopicMatch[]): void {
  const { values, kinds } = tokens;
  for (let i = 0; i < values.length; i++) {
    if (kinds[i] === TokenKind.Punct) continue;
    const candidates = index.byFirst.get(values[i]!);
    if (candidates === undefined) continue;
    for (const c of candidates) {
      let ok = true;
      for (let j = 0; j < c.rest.length; j++) {
        if (values[i + 1 + j] !== c.rest[j]) {
          ok = false;
          break;
        }
      }
      if (ok && !out.some((m) => m.topic === c.topic)) {
        out.push({ topic: c.topic, evidence: c.keyword });
      }
    }
  }
}

/** Framework topics by keyword, and the trust's own taxonomy topics (editable in its profile). */
export function keywordTopics(tokens: Tokens, taxonomy: Taxonomy | undefined): TopicMatch[] {
  const out: TopicMatch[] = [];
  scan(FRAMEWORK, tokens, out);
  if (taxonomy) scan(taxonomyIndex(taxonomy), tokens, out);
  return out;
}
