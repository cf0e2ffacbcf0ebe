import afinn from 'wink-sentiment/src/afinn-en-165.js';
import afinn2 from 'wink-sentiment/src/afinn-en-165-2grams.js';
import emojis from 'wink-sentiment/src/emojis.js';
import emoticons from 'wink-sentiment/src/emoticons.js';
import { NEGATORS, TokenKind, type Tokens } from './tokens.ts';

// wink-sentiment's per-token scores (AFINN-165, emoji, emoticons) are the explainable base.
// Its lexicon is general English; in NHS feedback some of its words are not sentiment at all:
// "care", "help", "support" and "better" name the service or ask for more of it ("could be
// better", "need more help"), and "pain", "sick", "emergency", "accident" name the reason for
// the visit (A&E is "accident and emergency"). Those are overridden here, in one readable list.
const OVERRIDES: Record<string, number> = {
  care: 0,
  cares: 0,
  caring: 2,
  help: 0,
  helps: 0,
  support: 0,
  supported: 1,
  better: 0,
  // "Improve" names the request, not praise: negated it is not a complaint ("nothing to improve").
  improve: 0,
  improvement: 0,
  improvements: 0,
  like: 0,
  likes: 0,
  please: 0,
  want: 0,
  wants: 0,
  free: 0,
  pain: 0,
  ill: 0,
  sick: 0,
  emergency: 0,
  emergencies: 0,
  accident: 0,
  urgent: 0,
  cancer: 0,
  disease: 0,
  injured: 0,
  cut: 0,
  // Conditions, tests and services are what a post is about, not how it feels ("free flu jabs",
  // "minor injuries unit", "smear test", "fire safety training", "suicide prevention helpline");
  // the danger itself is the flags' business (concepts/), and a flagged post is never positive.
  flu: 0,
  injury: 0,
  injuries: 0,
  infection: 0,
  infections: 0,
  tumor: 0,
  smear: 0,
  illness: 0,
  fever: 0,
  fire: 0,
  alarm: 0,
  safety: 0,
  suicide: 0,
  no: 0,
  yes: 0,
  joke: -2,
  lol: 0,
  lmao: 0,
  haha: 0,
  grim: -2,
  gutted: -3,
  badly: -3,
  jokes: -1,
  sorry: 0,
  hope: 0,
  clear: 0,
  patient: 0,
  // Missing or under-weighted in AFINN for this domain.
  rude: -3,
  dismissive: -3,
  shambles: -4,
  shambolic: -4,
  disgrace: -4,
  disgraceful: -4,
  appalling: -4,
  unacceptable: -3,
  incompetent: -3,
  understaffed: -2,
  overstretched: -2,
  chaotic: -3,
  chaos: -2,
  filthy: -3,
  dirty: -2,
  ignored: -2,
  unprofessional: -3,
  uncaring: -3,
  cancelled: -2,
  delayed: -1,
  delay: -1,
  delays: -1,
  cared: 2,
  lovely: 3,
  brilliant: 4,
  fab: 3,
  superb: 4,
  kind: 2,
  friendly: 2,
  professional: 2,
  reassuring: 2,
  reassured: 2,
  grateful: 3,
  thankyou: 2,
  efficient: 2,
  prompt: 2,
  quick: 1,
  attentive: 2,
  compassionate: 3,
  heroes: 3,
};

// Emoji newer than wink's table, and ones it under-weights, as people use them about services.
const EMOJI_OVERRIDES: Record<string, number> = {
  '🤢': -2,
  '🤮': -3,
  '🙄': -2,
  '🤬': -4,
  '😡': -3,
  '🤡': -2,
  '😭': -2,
  '💔': -2,
  '🥺': -1,
  '🥰': 3,
  '🫶': 3,
  '🤞': 0,
};

function emojiScore(emoji: string): number {
  return EMOJI_OVERRIDES[emoji] ?? emojis[emoji] ?? 0;
}

function wordScore(word: string): number {
  const o = OVERRIDES[word];
  if (o !== undefined) return o;
  return afinn[word] ?? 0;
}

export interface LexiconResult {
  /** wink's normalised score, -5..5. */
  score: number;
  /** Words, emoji and emoticons counted (as wink counts them). */
  words: number;
  positive: number;
  negative: number;
  /** Index of each scored token and its (possibly negated) score, for explanation and sarcasm. */
  hits: { index: number; word: string; score: number; negated: boolean }[];
  /** Index of the last contrasting word ("but", "however" ...), or -1. */
  contrastAt: number;
}

/** What follows one of these usually carries the writer's verdict ("kind staff, but ..."). */
const CONTRAST: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'yet',
]);

/** Scores tokens the way wink-sentiment does (2-grams, negation by the two preceding tokens). */
export function scoreLexicon(tokens: Tokens): LexiconResult {
  const { values, kinds } = tokens;
  const hits: LexiconResult['hits'] = [];
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let words = 0;
  let contrastAt = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const kind = kinds[k];
    if (kind === TokenKind.Punct) continue;
    if (CONTRAST.has(v)) contrastAt = k;
    let s = 0;
    let negated = false;
    let span = 1;
    if (kind === TokenKind.Emoji) s = emojiScore(v);
    else if (kind === TokenKind.Emoticon) s = emoticons[v] ?? 0;
    else {
      if (NEGATORS.has(v)) {
        words++;
        continue;
      }
      const next = values[k + 1];
      const pair = next === undefined ? undefined : afinn2[v]?.[next];
      if (pair !== undefined) {
        s = pair;
        span = 2;
      } else s = wordScore(v);
      if (s !== 0) {
        // Negation stays inside its clause: in "Nothing. Superb team." the praise stands.
        const p1 = kinds[k - 1] === TokenKind.Punct ? undefined : values[k - 1];
        const p2 = p1 === undefined || kinds[k - 2] === TokenKind.Punct ? undefined : values[k - 2];
        if ((p1 !== undefined && NEGATORS.has(p1)) || (p2 !== undefined && NEGATORS.has(p2))) {
          s = -s;
          negated = true;
        }
      }
    }
    words += span;
    if (s !== 0) {
      hits.push({ index: k, word: span === 2 ? `${v} ${values[k + 1]}` : v, score: s, negated });
      sum += s;
      if (s > 0) positive += s;
      else negative -= s;
    }
    k += span - 1;
  }
  let score = 0;
  if (hits.length > 0) {
    score = sum / hits.length / Math.sqrt(words > 15 ? words / 15 : 1);
  }
  return { score, words, positive, negative, hits, contrastAt };
}
