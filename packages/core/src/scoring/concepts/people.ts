import type { TextRule } from '../rule-table.ts';
import { anyOf } from './words.ts';

// Who is at risk. Reviewable word lists; the grave-post rules (grave.ts) combine them with what
// is happening and with the trust's involvement.

const AGE = String.raw`(?:1[0-7]|[1-9])[ -]?(?:year|yr)[ -]?olds?`;

export const CHILD: TextRule = {
  id: 'who.child',
  meaning: 'a child or young person: a stated age under 18, or a word for a child',
  pattern: String.raw`\b${AGE}\b|\b(?:she|he)(?:'s| is) (?:only |just )?(?:1[0-7]|[1-9])\b|${anyOf(
    'child',
    'children',
    'kids?',
    'girl',
    'boy',
    'teen',
    'teenager',
    'minor',
    'under-?age',
    'schoolgirl',
    'schoolboy',
    'pupil',
    'toddler',
    'little (?:one|lad|girl|boy)',
  )}`,
  matches: ['my 13 year old', "she's 15 and", 'photos of the kids', 'a 6-year-old'],
  mustNotMatch: ['my 30 year old brother', 'my daughter rang', 'the year before'],
};

export const VULNERABLE_ADULT: TextRule = {
  id: 'who.vulnerable-adult',
  meaning: 'an older, confused or dependent adult',
  pattern: anyOf(
    'elderly',
    'dementia',
    'confused',
    'learning disabilit(?:y|ies)',
    'care home',
    'nursing home',
    'care unit',
    'residents?',
    'gran',
    'nan',
    'nana',
    'grandma',
    'grandad',
    'grandmother',
    'grandfather',
    '[7-9]\\d[ -]?year[ -]?old',
  ),
  matches: ['my gran', 'he has dementia', 'an 89 year old', 'in the nursing home'],
  mustNotMatch: ['my granddaughter', 'a 45 year old'],
};
