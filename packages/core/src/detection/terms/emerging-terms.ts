import { normaliseText } from '../../scoring/normalise.ts';
import { TokenKind, tokenize } from '../../scoring/tokens.ts';
import type { TrustProfile } from '../../trust-profile.ts';
import { wilsonLowerBound } from '../robust.ts';
import { STOP_WORDS } from './stop-words.ts';

/**
 * Open-vocabulary terms: a word or a two-word phrase that suddenly many people use
 * ("norovirus", "wrong medication") compared with its own background over the past weeks.
 * Counts are distinct authors, so one account repeating a word is one voice (SigniTrend-like
 * significance with a bias, TwitterMonitor-like grouping of a phrase with its words).
 */

export const TERM_POLICY = {
  /** Distinct authors a term needs in the recent window. */
  minAuthors: 6,
  /** Recent share at least this many times its background share. */
  minRatio: 4,
  /** Significance (x - expected) / sqrt(expected + bias²) at least this. */
  minScore: 4,
  bias: 1,
  /** A word inside an emerging phrase is dropped when the phrase carries this share of it. */
  phraseCover: 0.8,
  maxTerms: 10,
  minWordLength: 3,
} as const;

export type TermPolicy = typeof TERM_POLICY;

/** Words of the trust's own name, aliases, handles and hashtags: always present, never news. */
export function trustWords(
  profile: Pick<TrustProfile, 'name' | 'aliases' | 'handles' | 'hashtags'>,
) {
  const words = new Set<string>();
  for (const phrase of [
    profile.name,
    ...profile.aliases,
    ...profile.handles,
    ...profile.hashtags,
  ]) {
    const { text } = normaliseText(phrase.replace(/^[@#]/, ''));
    for (const w of tokenize(text).values) words.add(w);
  }
  return words;
}

/** The distinct terms of one text: content words and two-word phrases of content words. */
export function termsOf(
  text: string,
  exclude: ReadonlySet<string>,
  policy = TERM_POLICY,
): string[] {
  const { values, kinds } = tokenize(normaliseText(text).text);
  const out = new Set<string>();
  let previous: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const w = values[i]!;
    const content =
      kinds[i] === TokenKind.Word &&
      w.length >= policy.minWordLength &&
      !/^\d+$/.test(w) &&
      !STOP_WORDS.has(w) &&
      !exclude.has(w);
    if (!content) {
      previous = null;
      continue;
    }
    out.add(w);
    if (previous !== null) out.add(`${previous} ${w}`);
    previous = w;
  }
  return [...out];
}

/** Distinct authors per term (and how many were negative) over a set of documents. */
export interface TermCounts {
  authors: number;
  negative: number;
  terms: Map<string, { authors: number; negative: number }>;
}

export function countTerms(
  docs: readonly { author: string; text: string; negative: boolean }[],
  exclude: ReadonlySet<string>,
  policy = TERM_POLICY,
): TermCounts {
  const byTerm = new Map<string, { authors: Set<string>; negative: Set<string> }>();
  const authors = new Set<string>();
  const negative = new Set<string>();
  for (const d of docs) {
    authors.add(d.author);
    if (d.negative) negative.add(d.author);
    for (const t of termsOf(d.text, exclude, policy)) {
      let entry = byTerm.get(t);
      if (!entry) {
        entry = { authors: new Set(), negative: new Set() };
        byTerm.set(t, entry);
      }
      entry.authors.add(d.author);
      if (d.negative) entry.negative.add(d.author);
    }
  }
  const terms = new Map<string, { authors: number; negative: number }>();
  for (const [t, e] of byTerm) terms.set(t, { authors: e.authors.size, negative: e.negative.size });
  return { authors: authors.size, negative: negative.size, terms };
}

export interface EmergingTerm {
  term: string;
  authors: number;
  /** Authors expected in the recent window from the background share. */
  expected: number;
  ratio: number;
  score: number;
  negativeShare: number;
  usualNegativeShare: number;
  /** The Wilson lower bound of the term's negative share beats the usual share by 0.15. */
  negativeRising: boolean;
}

/** Terms suddenly frequent in `recent` against `background` (an earlier, longer period). */
export function emergingTerms(
  recent: TermCounts,
  background: TermCounts,
  policy = TERM_POLICY,
): EmergingTerm[] {
  if (recent.authors === 0) return [];
  const usualNegativeShare = background.authors > 0 ? background.negative / background.authors : 0;
  const found: EmergingTerm[] = [];
  for (const [term, now] of recent.terms) {
    if (now.authors < policy.minAuthors) continue;
    const before = background.terms.get(term)?.authors ?? 0;
    // Half an author of prior: a term never seen before is rare, not impossible.
    const share = (before + 0.5) / Math.max(1, background.authors);
    const expected = share * recent.authors;
    const ratio = now.authors / expected;
    const score = (now.authors - expected) / Math.sqrt(expected + policy.bias * policy.bias);
    if (ratio < policy.minRatio || score < policy.minScore) continue;
    found.push({
      term,
      authors: now.authors,
      expected,
      ratio,
      score,
      negativeShare: now.negative / now.authors,
      usualNegativeShare,
      negativeRising: wilsonLowerBound(now.negative, now.authors) >= usualNegativeShare + 0.15,
    });
  }
  return withoutCoveredWords(found, policy)
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
    .slice(0, policy.maxTerms);
}

/** "wrong medication" emerging makes "wrong" and "medication" alone redundant. */
function withoutCoveredWords(terms: EmergingTerm[], policy: TermPolicy): EmergingTerm[] {
  const phrases = terms.filter((t) => t.term.includes(' '));
  return terms.filter((t) => {
    if (t.term.includes(' ')) return true;
    return !phrases.some(
      (p) => p.term.split(' ').includes(t.term) && p.authors >= policy.phraseCover * t.authors,
    );
  });
}
