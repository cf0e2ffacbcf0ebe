import type { TextRule } from '../rule-table.ts';
import { together } from './words.ts';

// Harm from care itself: patient records exposed, wrong site or wrong dose, a finding never
// followed up, a fall left unattended, a confused patient walking out.

const RECORD = String.raw`\b(?:(?:medical|hospital|patient|health|psychiatric|mental health|test|blood test|scan) )?(?:records?|notes|results|diagnosis|history|x-?rays?|scans?|files|letters?|discharge summary|details|information|printout|names and conditions|appointment letter|paperwork|date of birth|name and address)\b`;
const EXPOSED = String.raw`\b(?:posted|shared|screenshots?|screenshotted|tiktok|facebook|whatsapp|instagram|snapchat|twitter|online|social media|emailed|sent to (?:the wrong|my (?:ex|employer|boss|parents)|someone|another|a stranger)|someone else'?s|another patient'?s|meant for another|read out|dumped|skip|stolen|bin|unlocked|left (?:a|the|them|it|on|in|out|lying)|leaked|wrong address|wrong person|not my address)\b`;

export const RECORDS_EXPOSED: TextRule = {
  id: 'harm.records-exposed',
  meaning: 'patient records or results posted online, sent to the wrong person, left or stolen',
  pattern: together(RECORD, EXPOSED),
  matches: [
    "posted a photo on tiktok with my mum's medical notes",
    "a letter with someone else's blood test results in it",
    'patient records found dumped in a skip',
    'emailed my psychiatric history to my employer',
    'read out my full diagnosis in the waiting room',
  ],
  mustNotMatch: ['my results came back clear', 'the letter arrived on time'],
};

export const WRONG_TREATMENT: TextRule = {
  id: 'harm.wrong-treatment',
  meaning: 'the wrong site, patient, drug or dose',
  pattern: [
    String.raw`\b(?:operated on|removed|took out|pulled|amputated) (?:the )?wrong\b`,
    String.raw`\bwrong (?:knee|leg|arm|hip|eye|tooth|side|kidney|finger|toe|site|baby|patient)\b`,
    String.raw`\b(?:\w+ times|double|triple|twice) the (?:normal |usual |right |prescribed )?dose\b|\badult[- ]strength\b|\boverdose of\b`,
    String.raw`\b(?:given|gave (?:him|her|me|them|my \w+)) (?:someone else'?s|another patient'?s|the wrong)\b`,
    String.raw`\b(?:instead of (?:his|her|my|their) (?:usual|normal|own))\b`,
  ].join('|'),
  matches: [
    'they operated on the wrong knee',
    'ten times the dose of morphine',
    "given someone else's tablets",
  ],
  mustNotMatch: ['the right dose at the right time', 'I took the wrong bus'],
};

export const MISSED_FINDING: TextRule = {
  id: 'harm.missed-finding',
  meaning: 'a finding or a serious illness missed or never followed up',
  pattern: [
    String.raw`\b(?:nobody|no one|never|not) (?:\w+ )?followed (?:it |this |that )?up\b`,
    String.raw`\bmissed (?:the |a |my |his |her )?(?:tumou?r|lump|cancer|bleed|fracture|break|clot)\b`,
    String.raw`\b(?:tumou?r|lump|cancer|fracture|clot|bleed) (?:was |were )?(?:missed|not spotted|overlooked)\b`,
    String.raw`\bstage (?:3|4|three|four)\b[^.!?]{0,40}\b(?:missed|earlier|shadow|nobody|should have)|\bshadow\b[^.!?]{0,40}\b(?:nobody|never|not)\b`,
  ].join('|'),
  matches: ['a shadow nobody followed up', 'they missed the tumour', 'the fracture was missed'],
  mustNotMatch: ['we followed up with a call', 'I missed the bus'],
};

export const LEFT_UNATTENDED: TextRule = {
  id: 'harm.left-unattended',
  meaning: 'a patient who fell and was left, or a confused patient who walked out unseen',
  pattern: [
    together(
      String.raw`\b(?:fallen|fell|fall|found (?:him|her|them|my \w+))\b`,
      String.raw`\b(?:on the (?:\w+ )?floor|nobody|no one|for (?:an|\d+|two|three) hours?|an hour|before anyone)\b`,
      60,
    ),
    String.raw`\b(?:was|been|were|is|he|she|they|him|her|them) left (?:lying |sitting )?on the (?:\w+ )?floor\b`,
    String.raw`\b(?:walked|wandered|got|slipped) out of the (?:ward|hospital|unit|building)\b`,
    String.raw`\bpolice found (?:him|her|them)\b`,
  ].join('|'),
  matches: [
    'found my nan on the floor by her bed',
    'left sitting on the bathroom floor for two hours after a fall',
    'walked out of the ward in his pyjamas',
  ],
  mustNotMatch: [
    'a talk on falls prevention',
    'fell asleep in the chair',
    'dirty sheets left on the floor',
  ],
};

/** Harm from care itself, each raised on its own as patient safety. */
export const CARE_ERRORS: readonly TextRule[] = [
  RECORDS_EXPOSED,
  WRONG_TREATMENT,
  MISSED_FINDING,
  LEFT_UNATTENDED,
];
