import type { TextRule } from '../rule-table.ts';
import { CARE_ERRORS } from './care-errors.ts';
import { CARE_SETTING, DETERIORATION } from './clinical-signs.ts';
import { COMPLAINT_CUE } from './complaint-cues.ts';
import { EVACUATION, FIRE_SMOKE, THREAT, WATER_POWER } from './hazards.ts';
import { ANNOUNCEMENT, AWARENESS, NEWS, PERSONAL, RECRUITMENT } from './notice.ts';
import { CHILD, VULNERABLE_ADULT } from './people.ts';
import { COMPLAINING_QUESTION } from './questions.ts';
import { CONTROL, HARM_SIGNS, NEGLECT, SECRET_CONTACT, SUICIDE_INTENT } from './safeguarding.ts';

/** Every concept rule, for the table test and for review. */
export const ALL_TEXT_RULES: readonly TextRule[] = [
  CHILD,
  VULNERABLE_ADULT,
  PERSONAL,
  DETERIORATION,
  CARE_SETTING,
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
  NEWS,
  ANNOUNCEMENT,
  RECRUITMENT,
  AWARENESS,
  COMPLAINING_QUESTION,
  COMPLAINT_CUE,
];
