import type { TextRule } from '../rule-table.ts';
import { anyOf } from './words.ts';

// What is happening to a patient: signs of deterioration in everyday words, and the trust's
// involvement (waiting, not seen, on a ward). A sign with the trust involved is patient safety.

export const DETERIORATION: TextRule = {
  id: 'what.deterioration',
  meaning:
    'a sign that someone is getting dangerously ill: breathing, colour, consciousness, chest pain, stroke, sepsis, seizure, a baby not moving',
  pattern: [
    anyOf(
      'floppy',
      'gasping',
      'grunting',
      'unresponsive',
      'unconscious',
      'passed out',
      'collapsed',
      'seizures?',
      'fitting',
      'clammy',
      'blotchy',
      'slurred',
    ),
    String.raw`\b(?:lips|face|skin|he|she|they|baby)(?: \w+){0,2} (?:look|looks|looked|is|are|was|were|has|have|gone|going|turned|turning)(?: gone| going| turned)? (?:blue|grey|gray)\b`,
    String.raw`\b(?:can'?t|cannot|could ?n'?t|can hardly|can barely|hardly|barely|struggling to|fighting to|not able to) (?:breathe|breath|catch (?:his|her|my|their|a) breath)`,
    String.raw`\bbreathing (?:\w+ )?(?:fast|weird\w*|funny|strange\w*|shallow|noisy|badly|heavily)`,
    String.raw`\b(?:won'?t|can'?t|cannot|not|isn'?t) (?:wake|waking|wake up|rousable)\b`,
    String.raw`\b(?:crushing |severe |bad |worsening )?chest pains?\b|\bpains? in (?:his|her|my|their|the) chest\b`,
    String.raw`\bface (?:has )?(?:dropped|drooping|droops?|fallen)\b|\b(?:speech|words)(?: \w+){0,3} (?:slurred|jumbled|garbled)\b`,
    String.raw`\bcan'?t (?:lift|move|feel) (?:his|her|my|their) (?:right |left )?(?:arm|leg|hand|side)\b`,
    String.raw`\brash (?:that )?(?:doesn'?t|does not|won'?t|didn'?t) fade\b`,
    String.raw`\b(?:not|haven'?t|hasn'?t) felt (?:the |my )?baby move|\bbaby (?:hasn'?t|has not|hasnt) moved\b|\breduced (?:fetal |foetal )?movements\b`,
    String.raw`\bheart (?:is |was )?(?:racing|pounding)\b`,
    String.raw`\b(?:temperature|temp|fever) of (?:39|40|41)|\bhigh fever\b|\bfever and\b|\bwith a fever\b`,
    String.raw`\bbleeding (?:heavily|a lot|won'?t stop|non-?stop)\b`,
    String.raw`\b(?:keeps|kept|keep) (?:being sick|vomiting)\b[^.!?]{0,40}\bhead\b|\bbanged (?:his|her|their) head\b[^.!?]{0,40}\b(?:sick|vomit\w*|drowsy|sleepy)`,
    String.raw`\b(?:signs of|think (?:it'?s|he'?s having|she'?s having)|having) (?:a )?(?:stroke|sepsis|heart attack)\b`,
    String.raw`\bhot(?:,)? red wound\b|\bwound (?:is )?(?:hot|oozing|smells)\b`,
    String.raw`\bnot making sense\b`,
  ].join('|'),
  matches: [
    "she's gone really floppy and her lips look blue",
    'his speech is slurred',
    'she can hardly breathe',
    "partner can't catch his breath",
    'my baby is breathing really fast',
    'crushing pain in his chest and sweating, collapsed',
    'chest pains are getting worse',
    "a rash that doesn't fade under a glass",
    'not felt the baby move since yesterday',
    "can't lift his right arm",
  ],
  mustNotMatch: [
    'the chest clinic moved',
    'breathing space for staff',
    'my daughter woke up happy',
    'a rash on his arm, cream sorted it',
  ],
};

export const CARE_SETTING: TextRule = {
  id: 'where.left-waiting',
  meaning:
    'the trust is involved and the patient is left: waiting, queueing, not seen, told to wait or ring back, a call back or ambulance that has not come',
  pattern: anyOf(
    'waiting',
    'wait',
    'waited',
    'queue',
    'queueing',
    'still',
    'no one',
    'nobody',
    'no-one',
    'not (?:been )?seen',
    "(?:hasn'?t|haven'?t|has not|have not|hadn'?t)",
    'been here',
    'stuck',
    '(?:\\d+|two|three|four|five|six|eight|ten) (?:hours?|hrs|minutes|mins)',
    'hours',
    'for ages',
    'took ages',
    'call(?:ed)? back',
    'ring back',
    'told (?:us |me |her |him )?to (?:wait|stay|ring|go home)',
    'sent (?:us |me |her |him )?(?:home|away)',
    'keeps? saying',
    'says? (?:to )?wait',
  ),
  matches: [
    'been in A&E 4 hours',
    "the doctor still hasn't called back",
    'maternity triage said to ring back tomorrow',
    'the ward keep saying it is normal',
  ],
  mustNotMatch: [
    'the ambulance came quickly and the doctor was brilliant',
    'at the park with the kids',
  ],
};
