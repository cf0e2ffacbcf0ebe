// One tokeniser for the lexicon, the rules' context and the trained model. It is a single
// precompiled regular expression (the scorer is on the ingest hot path), lower-cases words and
// drops apostrophes inside them ("don't" -> "dont", "A&E" -> "a&e"), keeps emoji and common
// emoticons as tokens, and keeps sentence punctuation so negation can stop at a clause boundary.

const TOKEN =
  /(<3+|[:;=8xX][-'^]?[()[\]DPpSsOo/\\|*]+|[()][-']?[:;=])|([\p{L}\p{N}]+(?:['&.][\p{L}\p{N}]+)*)|(\p{Extended_Pictographic})|([.!?;,:]+)/gu;
const INNER_PUNCT = /['.]/g;

export const TokenKind = { Word: 0, Emoji: 1, Emoticon: 2, Punct: 3 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export interface Tokens {
  values: string[];
  kinds: TokenKind[];
}

export function tokenize(text: string): Tokens {
  const values: string[] = [];
  const kinds: TokenKind[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    if (m[2] !== undefined) {
      values.push(m[2].toLowerCase().replace(INNER_PUNCT, ''));
      kinds.push(TokenKind.Word);
    } else if (m[1] !== undefined) {
      values.push(m[1]);
      kinds.push(TokenKind.Emoticon);
    } else if (m[3] !== undefined) {
      values.push(m[3]);
      kinds.push(TokenKind.Emoji);
    } else {
      const p = m[4]!;
      values.push(p.includes('?') ? '?' : p.includes('!') ? '!' : p[0] === ',' ? ',' : '.');
      kinds.push(TokenKind.Punct);
    }
  }
  return { values, kinds };
}

/** Words that reverse the polarity of what follows them in the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'neither',
  'nor',
  'without',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'aint',
  'hardly',
  'barely',
  'nt',
]);

const NEGATION_SCOPE = 3;

/**
 * The first word of a clause pairs with this marker ("^ listen", "^ more"): how a clause opens
 * tells a suggestion or an order ("Listen to patients.") from a report ("They listened.").
 * Not for negators: an answer opening "No" or "Nothing" is praise only when it answers "what
 * could be improved?", a question the scorer never sees ("No one called back" is no praise).
 */
export const CLAUSE_START = '^';

/**
 * Model features: unigrams and bigrams, where words within three tokens after a negator (and in
 * the same clause) carry a "not_" prefix, so "not helpful" and "helpful" are different evidence.
 */
export function featuresOf(tokens: Tokens): string[] {
  const out: string[] = [];
  let negLeft = 0;
  let prev = CLAUSE_START;
  const { values, kinds } = tokens;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (kinds[i] === TokenKind.Punct) {
      negLeft = 0;
      prev = v === '?' || v === '!' ? v : CLAUSE_START;
      if (v === '?' || v === '!') out.push(v);
      continue;
    }
    const f = negLeft > 0 ? `not_${v}` : v;
    out.push(f);
    if (prev !== '' && (prev !== CLAUSE_START || !NEGATORS.has(v))) out.push(`${prev} ${f}`);
    prev = f;
    if (NEGATORS.has(v)) negLeft = NEGATION_SCOPE;
    else if (negLeft > 0) negLeft--;
  }
  return out;
}
