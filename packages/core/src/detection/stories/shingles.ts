import { normaliseText } from '../../scoring/normalise.ts';
import { TokenKind, tokenize } from '../../scoring/tokens.ts';

// Near-duplicates are judged on normalised words: case, punctuation, links, handles' @ and
// repost markers do not make two posts different. Long articles are compared by their opening
// (syndicated copies of one story differ later: footers, related links).

const MAX_WORDS = 60;
/** Characters of the normalised words compared (the cost of a signature grows with it). */
const MAX_CHARS = 280;
const REPOST_MARKERS = new Set(['rt', 'via', 'mt', 'repost', 'quote']);
/** Character shingles: robust to one changed word in a short post, unlike word n-grams. */
export const SHINGLE_CHARS = 5;

/** The words a story is recognised by. */
export function storyWords(text: string): string[] {
  const { values, kinds } = tokenize(normaliseText(text).text);
  const words: string[] = [];
  for (let i = 0; i < values.length && words.length < MAX_WORDS; i++) {
    if (kinds[i] !== TokenKind.Word) continue;
    if (words.length === 0 && REPOST_MARKERS.has(values[i]!)) continue;
    words.push(values[i]!);
  }
  return words;
}

/** 32-bit FNV-1a, then a finaliser so nearby strings land far apart. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashed character shingles of the normalised words (a set: duplicates removed). */
export function shingleHashes(text: string): Int32Array {
  const joined = storyWords(text).join(' ').slice(0, MAX_CHARS);
  if (joined.length === 0) return new Int32Array(0);
  const count = Math.max(1, joined.length - SHINGLE_CHARS + 1);
  const hashes = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    // FNV-1a over the shingle's characters in place (no substring), then mixed.
    let h = 0x811c9dc5;
    const end = Math.min(joined.length, i + SHINGLE_CHARS);
    for (let j = i; j < end; j++) {
      h ^= joined.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    hashes[i] = mix32(h) | 0;
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  }
  return hashes.slice(0, unique);
}
