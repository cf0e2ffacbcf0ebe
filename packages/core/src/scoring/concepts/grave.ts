import { compilePatterns } from '../pattern-set.ts';
import {
  type CompiledRule,
  compileRules,
  firstHit,
  type RuleHit,
  type TextRule,
} from '../rule-table.ts';
import { CARE_ERRORS } from './care-errors.ts';
import { CARE_SETTING, DETERIORATION } from './clinical-signs.ts';
import { EVACUATION, FIRE_SMOKE, THREAT, WATER_POWER } from './hazards.ts';
import { AWARENESS, PERSONAL } from './notice.ts';
import { CHILD, VULNERABLE_ADULT } from './people.ts';
import { CONTROL, HARM_SIGNS, NEGLECT, SECRET_CONTACT, SUICIDE_INTENT } from './safeguarding.ts';

// Grave posts by concept: who is at risk x what is happening x the trust's involvement,
// combined by the rules below (each a line an officer can read). An awareness or training
// notice (a look-alike) raises nothing unless someone in it speaks of themself or their family,
// or says it is happening now.

const [child, vulnerable, deterioration, setting, awareness, personal] = compileRules([
  CHILD,
  VULNERABLE_ADULT,
  DETERIORATION,
  CARE_SETTING,
  AWARENESS,
  PERSONAL,
]) as [CompiledRule, CompiledRule, CompiledRule, CompiledRule, CompiledRule, CompiledRule];

const STANDALONE_SAFETY = compileRules([
  FIRE_SMOKE,
  WATER_POWER,
  EVACUATION,
  THREAT,
  ...CARE_ERRORS,
]);
const [secretContact, ...STANDALONE_SAFEGUARDING] = compileRules([
  SECRET_CONTACT,
  HARM_SIGNS,
  NEGLECT,
  CONTROL,
  SUICIDE_INTENT,
]) as [CompiledRule, ...CompiledRule[]];

// One pass over the text with every signal rule's pattern decides whether any can match; most
// mentions have none, and one pass costs far less than twenty (speed: bench/scorer.bench.ts).
const SIGNAL_RULES: readonly TextRule[] = [
  DETERIORATION,
  FIRE_SMOKE,
  WATER_POWER,
  EVACUATION,
  THREAT,
  ...CARE_ERRORS,
  SECRET_CONTACT,
  HARM_SIGNS,
  NEGLECT,
  CONTROL,
  SUICIDE_INTENT,
];
const ANY_SIGNAL = compilePatterns(
  SIGNAL_RULES.map((r) => r.pattern),
  '',
);

export interface GraveConcepts {
  /** Hits that make the post a safeguarding concern (each with its rule id). */
  safeguarding: RuleHit[];
  /** Hits that make the post a patient-safety concern. */
  patientSafety: RuleHit[];
  /**
   * An awareness or training notice with no one speaking of themself: nothing is raised. Only
   * worked out when a signal matched (callers with other signals ask isLookAlike themselves).
   */
  lookAlike: boolean;
}

/** True when the text reads as an awareness, training, drill, helpline or award notice. */
export function isLookAlike(lowerText: string): boolean {
  return firstHit(awareness, lowerText) !== null && firstHit(personal, lowerText) === null;
}

export function findGraveConcepts(lowerText: string): GraveConcepts {
  if (!ANY_SIGNAL.test(lowerText)) return { safeguarding: [], patientSafety: [], lookAlike: false };
  if (isLookAlike(lowerText)) return { safeguarding: [], patientSafety: [], lookAlike: true };
  return findSignals(lowerText);
}

function findSignals(lowerText: string): GraveConcepts {
  const patientSafety: RuleHit[] = [];
  const safeguarding: RuleHit[] = [];

  // A sign of deterioration where the trust is involved (waiting, not seen, on a ward).
  const sign = firstHit(deterioration, lowerText);
  if (sign !== null) {
    const where = firstHit(setting, lowerText);
    if (where !== null) patientSafety.push(sign, where);
  }
  for (const rule of STANDALONE_SAFETY) {
    const hit = firstHit(rule, lowerText);
    if (hit !== null) patientSafety.push(hit);
  }

  // Secret or online contact with a child; harm signs, neglect, control and stated intent on
  // their own (the words already say who is at risk).
  const contact = firstHit(secretContact, lowerText);
  if (contact !== null) {
    const young = firstHit(child, lowerText);
    if (young !== null) safeguarding.push(contact, young);
  }
  for (const rule of STANDALONE_SAFEGUARDING) {
    const hit = firstHit(rule, lowerText);
    if (hit !== null) safeguarding.push(hit);
  }
  const atRisk = firstHit(vulnerable, lowerText);
  if (atRisk !== null && safeguarding.length > 0) safeguarding.push(atRisk);
  return { safeguarding, patientSafety, lookAlike: false };
}
