import type { TrustProfile } from '../trust-profile.ts';

// Default-ignorable and format characters (zero-width, bidi controls, soft hyphen, BOM...) are
// removed so "N\u200BHS" still reads "NHS"; combining marks go so "café" matches "cafe".
const IGNORABLE =
  /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF0-\uFFF8]/g;
const MARKS = /\p{M}/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: every ASCII character, controls included
const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Text folded for matching: NFKD (full-width and ligature forms become plain letters), marks and
 * invisible characters removed, lower-cased, every run of punctuation or space made one space,
 * padded with spaces so a term can be matched on word boundaries with a plain `includes`.
 */
export function foldForMatching(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(IGNORABLE, '')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SEPARATORS, ' ');
  return ` ${folded.trim()} `;
}

export interface TrustMatcher {
  /** The folded terms, for display and debugging. */
  terms: string[];
  matches(text: string): boolean;
}

/**
 * Builds a matcher from the profile: name, aliases, handles and hashtags (with or without their
 * @/#: "@NorthfieldNHS" matches "NorthfieldNHS" and "#NorthfieldNHS"), and sites
 * ("northfield.nhs.uk" matches any URL or mention of that host or its subdomains).
 */
export function compileTrustMatcher(profile: TrustProfile): TrustMatcher {
  const raw = [
    profile.name,
    ...(profile.aliases ?? []),
    ...(profile.handles ?? []),
    ...(profile.hashtags ?? []),
    ...(profile.sites ?? []),
  ];
  const terms = [...new Set(raw.map((t) => foldForMatching(t)).filter((t) => t.trim().length > 0))];
  // For ASCII text folding is only lower-casing and punctuation to spaces, so a term can only
  // match where its first word appears in the lower-cased text: a sound, cheap pre-check that
  // lets a firehose (Jetstream) skip the full fold for almost every post.
  const firstWords = [...new Set(terms.map((t) => t.trim().split(' ')[0]!))];
  return {
    terms: terms.map((t) => t.trim()),
    matches(text: string): boolean {
      if (!text) return false;
      if (ASCII.test(text)) {
        const lower = text.toLowerCase();
        if (!firstWords.some((word) => lower.includes(word))) return false;
      }
      const folded = foldForMatching(text);
      return terms.some((term) => folded.includes(term));
    },
  };
}

const cache = new WeakMap<TrustProfile, TrustMatcher>();

/** Whether the text mentions the trust. The profile's matcher is compiled once and cached. */
export function mentionsTrust(text: string, profile: TrustProfile): boolean {
  let matcher = cache.get(profile);
  if (!matcher) {
    matcher = compileTrustMatcher(profile);
    cache.set(profile, matcher);
  }
  return matcher.matches(text);
}

/** The text of a mention that relevance looks at: title, body and link. */
export function mentionMatchText(mention: {
  title: string | null;
  text: string;
  url: string | null;
  author?: string | null;
}): string {
  return [mention.title ?? '', mention.text, mention.url ?? '', mention.author ?? ''].join('\n');
}
