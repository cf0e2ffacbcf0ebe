// Text normalisation shared by every part of the scorer, so that the lexicon, the rules and the
// trained model all see the same words: curly quotes become straight (otherwise "don’t" loses its
// negation), emoji variation selectors and zero-width joiners go, hashtags become words
// (#NoBedsAgain -> "no beds again") and links and handles stop looking like words.

const CURLY_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const INVISIBLE = /[\uFE0E\uFE0F\u200B-\u200D\u2060\u00AD]/g;
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const HANDLE = /(^|[^\w@])@([A-Za-z0-9_]{1,30})/g;
const HASHTAG = /(^|[^\w#&])#([\p{L}\p{N}_&]{1,80})/gu;
const CAMEL = /([a-z])([A-Z])|([A-Z]+)([A-Z][a-z])|([A-Za-z])(\d)|(\d)([A-Za-z])/g;

function splitPair(...groups: (string | undefined)[]): string {
  for (let i = 1; i < 8; i += 2) {
    if (groups[i] !== undefined) return `${groups[i]} ${groups[i + 1]}`;
  }
  return String(groups[0]);
}

/** Splits a hashtag body into words: "NoBedsAgain" -> "No Beds Again", "NHS_Crisis" -> "NHS Crisis". */
export function splitHashtag(tag: string): string {
  // Two passes, because boundaries overlap ("wait4hours": "t4" and "4h").
  return tag.replace(/_+/g, ' ').replace(CAMEL, splitPair).replace(CAMEL, splitPair).trim();
}

export interface NormalisedText {
  /** Text for reading: quotes straightened, invisible characters removed, hashtags as words. */
  text: string;
  /** Hashtags as written, without '#', in order of appearance (duplicates removed). */
  hashtags: string[];
}

/** Straightens quotes and removes invisible characters; keeps hashtags and handles as written. */
export function cleanCharacters(raw: string): string {
  return raw
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .replace(DASHES, '-')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ');
}

export function normaliseText(raw: string): NormalisedText {
  const hashtags: string[] = [];
  const text = cleanCharacters(raw)
    .replace(URL, ' ')
    .replace(HANDLE, '$1$2')
    .replace(HASHTAG, (_m, before: string, tag: string) => {
      if (!hashtags.includes(tag)) hashtags.push(tag);
      return `${before}${splitHashtag(tag)}`;
    });
  return { text, hashtags };
}
