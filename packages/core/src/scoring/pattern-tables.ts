import { ESCALATION } from './flags/escalation-patterns.ts';
import { PATIENT_SAFETY } from './flags/patient-safety-patterns.ts';
import { SAFEGUARDING } from './flags/safeguarding-patterns.ts';
import {
  BAD_EVENT,
  GRATITUDE,
  IMPROVEMENT_REQUEST,
  INFO_QUESTION,
  IRONIC_FORMULA,
  NOTHING_TO_IMPROVE,
  SERVICE_FAILURE,
  STRONG_SARCASM,
  WEAK_SARCASM,
} from './rules.ts';

/**
 * The sentiment rules' and the flags' pattern lists as named table entries, each with what it
 * means and examples that must and must not match (pattern-tables.test.ts runs them). The lists
 * themselves stay where the hot path compiles them; the concept rules are in concepts/.
 */
export interface PatternListRule {
  id: string;
  meaning: string;
  patterns: readonly string[];
  /** Regular-expression flags the scorer compiles the list with. */
  flags?: string;
  matches: readonly string[];
  mustNotMatch: readonly string[];
}

const group = (groups: typeof SAFEGUARDING, name: string) =>
  groups.find((g) => g.name === name)!.patterns;

export const PATTERN_LIST_RULES: readonly PatternListRule[] = [
  {
    id: 'sentiment.service-failure',
    meaning:
      'a named failure of the service: long waits, corridors, no beds, cancellations, nobody answering, rudeness',
    patterns: SERVICE_FAILURE,
    matches: [
      'waited 14 hours in a&e',
      'mum spent the night in a corridor, no beds',
      'op cancelled again',
      'the lift is broken since friday',
    ],
    mustNotMatch: ['seen within 20 minutes', 'i feared the worst but they were quick and kind'],
  },
  {
    id: 'sentiment.improvement-request',
    meaning: 'a request or suggestion for something to be better',
    patterns: IMPROVEMENT_REQUEST,
    matches: [
      'communication could be better',
      'need more staff on nights',
      'parking needs serious improvement',
    ],
    mustNotMatch: [
      'the nurse told me everything i needed',
      'can you tell us when he is being discharged?',
    ],
  },
  {
    id: 'sentiment.nothing-to-improve',
    meaning: 'an answer saying nothing needs improving: praise',
    patterns: NOTHING_TO_IMPROVE,
    flags: 'gm',
    matches: [
      'nothing.',
      "can't think of anything, keep up the good work",
      'cannot improve on perfection!',
    ],
    mustNotMatch: ['nothing was explained to us', 'there was nothing to eat all day'],
  },
  {
    id: 'sentiment.gratitude',
    meaning: 'thanks or credit aimed at someone',
    patterns: GRATITUDE,
    matches: [
      'thank you to the night team for sitting with my gran',
      'hats off to the stroke unit',
    ],
    mustNotMatch: ['the night team sat with my gran', 'no one said anything'],
  },
  {
    id: 'sentiment.info-question',
    meaning: 'a question asking for information (not why or who)',
    patterns: INFO_QUESTION,
    matches: [
      'does anybody know whether the hospital shop takes cards?',
      'hi, is there a cash machine near the maternity unit?',
    ],
    mustNotMatch: ['why does nobody ever pick up the phone?', 'the ward phone is always busy.'],
  },
  {
    id: 'sentiment.strong-sarcasm',
    meaning: 'sarcasm that needs no praise word around it',
    patterns: STRONG_SARCASM,
    flags: 'gu',
    matches: ['number 47 in the queue. living the dream.'],
    mustNotMatch: ['the dream team on ward 7', 'seen in 20 minutes'],
  },
  {
    id: 'sentiment.ironic-formula',
    meaning: 'an ironic formula that is sarcastic without a bad event',
    patterns: IRONIC_FORMULA,
    flags: 'gu',
    matches: ["oh great, another form to fill in. it's the thought that counts"],
    mustNotMatch: ['thank you for the thought and care'],
  },
  {
    id: 'sentiment.weak-sarcasm',
    meaning: 'a weaker sarcasm cue, sarcastic only beside praise and a bad event',
    patterns: WEAK_SARCASM,
    flags: 'gu',
    matches: ['great, another 9 hour wait. love it.'],
    mustNotMatch: ['the nurses were kind'],
  },
  {
    id: 'sentiment.bad-event',
    meaning: 'a bad event that praise around it turns to sarcasm',
    patterns: BAD_EVENT,
    flags: 'gu',
    matches: ['long waits again', 'the machine is out of order'],
    mustNotMatch: ['in and out in ten minutes'],
  },
  {
    id: 'flag.safeguarding.suicide-self-harm',
    meaning: 'suicidal thoughts or self-harm, stated by the person or about them',
    patterns: group(SAFEGUARDING, 'suicide or self-harm'),
    matches: [
      'i just want to die, nobody listens',
      "honestly can't see the point in going on any more",
      'just said my goodbyes',
    ],
    mustNotMatch: ['killing myself laughing at this', 'dying for a brew after that shift'],
  },
  {
    id: 'flag.safeguarding.abuse',
    meaning: 'abuse, rough handling or intimidation',
    patterns: group(SAFEGUARDING, 'abuse'),
    matches: [
      'my dad hits my mum when he drinks',
      'the man in the next cubicle yanked his little girl by the arm',
    ],
    mustNotMatch: ['the staff were dead friendly', 'she hit the call button'],
  },
  {
    id: 'flag.safeguarding.grooming',
    meaning: 'an adult contacting a child online or inappropriately',
    patterns: group(SAFEGUARDING, 'grooming or inappropriate contact'),
    matches: [
      'he has been texting my 13 year old niece since her op',
      "she's only 14 and he asked her to send photos",
    ],
    mustNotMatch: ['the nurse texted my son to say his results were back'],
  },
  {
    id: 'flag.safeguarding.neglect',
    meaning: 'someone left without food, water or care',
    patterns: group(SAFEGUARDING, 'neglect'),
    matches: [
      'nan was left in her own urine for hours',
      'no food or water for two days on the ward',
    ],
    mustNotMatch: ['the food was cold'],
  },
  {
    id: 'flag.safeguarding.at-risk',
    meaning: 'a child or adult at risk named as such',
    patterns: group(SAFEGUARDING, 'child or adult at risk'),
    matches: ['discharged from the crisis assessment unit after midnight with nowhere to go'],
    mustNotMatch: ['discharged at lunchtime and collected by my son'],
  },
  {
    id: 'flag.safeguarding.threat',
    meaning: 'a threat of violence',
    patterns: group(SAFEGUARDING, 'threat of violence'),
    matches: ["i'm going to stab the next nurse who ignores me"],
    mustNotMatch: ['the nurse gave me an injection'],
  },
  {
    id: 'flag.patient-safety.death',
    meaning: 'a death',
    patterns: group(PATIENT_SAFETY, 'death'),
    matches: ['he died in the corridor'],
    mustNotMatch: ['the staff were dead friendly'],
  },
  {
    id: 'flag.patient-safety.serious-harm',
    meaning: 'serious harm, a near miss, a fall on the ward, a missed serious diagnosis',
    patterns: group(PATIENT_SAFETY, 'serious harm'),
    matches: ['she could have died', 'he fell out of bed twice'],
    mustNotMatch: ['seriously good care'],
  },
  {
    id: 'flag.patient-safety.medication-error',
    meaning: 'the wrong drug, dose or patient',
    patterns: group(PATIENT_SAFETY, 'medication error'),
    matches: ['they gave her the wrong dose of insulin'],
    mustNotMatch: ['the right dose at the right time'],
  },
  {
    id: 'flag.patient-safety.misdiagnosis',
    meaning: 'a diagnosis missed or wrong',
    patterns: group(PATIENT_SAFETY, 'misdiagnosis'),
    matches: ['she was misdiagnosed twice'],
    mustNotMatch: ['the diagnosis was explained clearly'],
  },
  {
    id: 'flag.patient-safety.data-breach',
    meaning: 'patient information sent, shown or shared where it should not be',
    patterns: group(PATIENT_SAFETY, 'data breach'),
    matches: ['my results were sent to the wrong address'],
    mustNotMatch: ['my results were sent to my gp'],
  },
  {
    id: 'flag.escalation',
    meaning: 'a complaint about to escalate: press, MP, lawyers, regulator, going viral',
    patterns: ESCALATION,
    matches: ['i am going to the press about this', 'please share'],
    mustNotMatch: ['i shared a room with a lovely lady'],
  },
];
