import { isValidNhsNumber } from './nhs-number.ts';

// Patient-identifying data in free text. Each kind has one precompiled pattern and the label
// that replaces it in the redacted copy. Order matters: NHS numbers are taken before phone
// numbers (both are digit runs), and dates of birth before addresses.

export type PiiKind =
  | 'nhsNumber'
  | 'hospitalNumber'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'dateOfBirth'
  | 'address';

export const PII_LABELS: Record<PiiKind, string> = {
  nhsNumber: '[NHS number]',
  hospitalNumber: '[hospital number]',
  phone: '[phone]',
  email: '[email]',
  postcode: '[postcode]',
  dateOfBirth: '[date of birth]',
  address: '[address]',
};

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\.?,?\s+(?:19|20)\d{2}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})`;
const STREET_SUFFIX =
  '(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Place|Pl|Court|Ct|Terrace|Grove|Gardens|Gdns|Walk|Hill|Row|Square|Sq|Mews|Park|Rise|View|Green|Parade|Vale|Wynd|Chase)';

interface Detector {
  kind: PiiKind;
  re: RegExp;
  /** Extra check on the match (for example the NHS number check digit). */
  accept?: (match: string) => boolean;
}

const DETECTORS: Detector[] = [
  {
    kind: 'email',
    re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  },
  {
    // Ten digits, spaced, hyphenated, dotted or slashed any way, not part of a longer run.
    kind: 'nhsNumber',
    re: /(?<!\d[ .\-/]?)\d(?:[ .\-/]?\d){9}(?![ .\-/]?\d)/g,
    accept: (m) => isValidNhsNumber(m.replace(/\D/g, '')),
  },
  {
    kind: 'dateOfBirth',
    re: new RegExp(
      String.raw`\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?|birthday)(?:\s+(?:is|was|of))?\s*[:\-]?\s*${DATE}`,
      'gi',
    ),
  },
  {
    // UK numbers: +44 or 0, then 9 or 10 more digits in the usual groupings.
    kind: 'phone',
    re: /(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])/g,
    accept: (m) => {
      const d = m.replace(/\D/g, '');
      const national = d.startsWith('44') ? d.slice(2).replace(/^0/, '') : d.slice(1);
      // Ten national digits: a ten-digit run starting with 0 is more often a reference.
      return national.length === 10;
    },
  },
  {
    // Inward code letters never include C, I, K, M, O or V, which keeps "A1 2PM" out; any case,
    // because people type postcodes in lower case too.
    kind: 'postcode',
    re: /\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi,
  },
  {
    kind: 'address',
    re: new RegExp(
      String.raw`\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z']+\s+){1,3}${STREET_SUFFIX}\b\.?`,
      'g',
    ),
  },
];

export interface PiiMatch {
  kind: PiiKind;
  text: string;
}

export interface RedactionResult {
  redacted: string;
  found: PiiMatch[];
}

const QUICK_REJECT = /[\d@]/;

/** What a trust adds to the built-in detectors. */
export interface RedactionOptions {
  /** The trust's hospital-number formats as masks (see `compileIdentifierMask`). */
  hospitalNumbers?: readonly string[];
}

// Full-width forms (U+FF01-FF5E, the ideographic space) typed on phones with CJK keyboards read
// as ASCII to a person; folding them first lets every detector see "９４３" as "943".
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
function foldFullWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const masks = new Map<string, RegExp>();

/**
 * A hospital-number format as a mask: `#` a digit, `@` a letter, anything else itself (letters
 * in any case). "RXN#######" is RXN and seven digits; "@@######" two letters and six digits.
 * Masks are not regular expressions, so a configured one cannot be slow or match everything.
 */
export function compileIdentifierMask(mask: string): RegExp {
  const cached = masks.get(mask);
  if (cached) return cached;
  if (!/[#@]/.test(mask) || mask.length < 6 || mask.length > 40) {
    throw new Error(`hospital-number mask "${mask}" needs 6-40 characters including # or @`);
  }
  const body = [...mask]
    .map((c) => {
      if (c === '#') return '\\d';
      if (c === '@') return '[A-Za-z]';
      return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  const re = new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, 'gi');
  masks.set(mask, re);
  return re;
}

/** Finds patient-identifying data and returns a copy with each item replaced by its label. */
export function redactPii(input: string, options: RedactionOptions = {}): RedactionResult {
  FULL_WIDTH.lastIndex = 0;
  const text = FULL_WIDTH.test(input) ? foldFullWidth(input) : input;
  // Every pattern needs a digit or an @: most posts have neither and skip the work.
  if (!QUICK_REJECT.test(text)) return { redacted: input, found: [] };
  // The trust's own formats first: a hospital number can also look like a phone number.
  const local: Detector[] = (options.hospitalNumbers ?? []).map((mask) => ({
    kind: 'hospitalNumber',
    re: compileIdentifierMask(mask),
  }));
  const found: PiiMatch[] = [];
  let redacted = text;
  for (const d of [...local, ...DETECTORS]) {
    d.re.lastIndex = 0;
    redacted = redacted.replace(d.re, (m) => {
      if (d.accept && !d.accept(m)) return m;
      found.push({ kind: d.kind, text: m });
      return PII_LABELS[d.kind];
    });
  }
  // Nothing found: the text as written, full-width characters and all.
  return { redacted: found.length === 0 ? input : redacted, found };
}
