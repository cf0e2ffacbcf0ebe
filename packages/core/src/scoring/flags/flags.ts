import type { RiskFlags } from '../../contracts/api.ts';
import { COMPLAINT_CUE } from '../concepts/complaint-cues.ts';
import { findGraveConcepts, isLookAlike } from '../concepts/grave.ts';
import { isNotice } from '../concepts/read-notice.ts';
import { compilePatterns } from '../pattern-set.ts';
import { compileRules, firstHit, type RuleHit } from '../rule-table.ts';
import { ESCALATION } from './escalation-patterns.ts';
import { PATIENT_SAFETY } from './patient-safety-patterns.ts';
import { type PatternGroup, SAFEGUARDING } from './safeguarding-patterns.ts';

interface CompiledGroup {
  name: string;
  re: RegExp;
}

function compileGroups(groups: readonly PatternGroup[]): CompiledGroup[] {
  return groups.map((g) => ({
    name: g.name,
    re: compilePatterns(g.patterns),
  }));
}

const SAFEGUARDING_RE = compileGroups(SAFEGUARDING);
const PATIENT_SAFETY_RE = compileGroups(PATIENT_SAFETY);
const ESCALATION_RE = compilePatterns(ESCALATION);
const [COMPLAINT_CUE_RULE] = compileRules([COMPLAINT_CUE]);

// Someone telling their own (or their family's) experience. A bare "you" is not one: it is as
// often general ("can you pay by card?") as addressed to the trust, and a complaint addressed
// to the trust needs a named failure or sarcasm (below) to count.
const EXPERIENCE_RE =
  /^\W*(?:rang|phoned|called|waited|sat|spent|been|asked|had|got|went|took|paid|told|complained|still|discharged|sent|left|lost|cancelled)\b|\b(?:i|i'm|im|i've|ive|i'd|me|my|we|we've|we're|our|us|mum|mom|dad|nan|gran|grandad|grandma|wife|husband|partner|son|daughter)\b/;

// The trust (or its staff) speaking about its own services: "our patients", "we're pleased to".
const ORGANISATION_VOICE_RE =
  /\b(?:our|we'?re|we are) (?:[a-z-]+ )?(?:patients|staff|colleagues|volunteers|workforce|services|wards|sites|clinics|trust|chief|board|emergency department)\b|\bto our (?:patients|community|visitors)\b|\bwe(?:'re| are) (?:pleased|delighted|proud|thrilled|excited|recruiting|holding|hosting|working hard|sorry that|urging|asking (?:people|patients|visitors))\b|\bjoin our\b/;

/** Evidence as "group: matched words", each group at most once per match. */
function findGroups(groups: CompiledGroup[], text: string): string[] {
  const out: string[] = [];
  for (const g of groups) {
    g.re.lastIndex = 0;
    const m = g.re.exec(text);
    if (m !== null) out.push(`${g.name}: "${m[0].trim()}"`);
  }
  return out;
}

export interface Risks {
  /** Evidence per safeguarding group or concept that matched ("abuse: \"hits me\""). */
  safeguarding: string[];
  patientSafety: string[];
}

const conceptEvidence = (hits: RuleHit[]) => [...new Set(hits.map((h) => `${h.id}: "${h.text}"`))];

/**
 * Safeguarding and patient-safety signals, from their patterns and concepts alone, before any
 * sentiment. An awareness, training, helpline or award notice with no one speaking of themself
 * (a look-alike) raises nothing: "fire safety training", "suicide prevention helpline".
 */
export function findRisks(normalisedText: string): Risks {
  const text = normalisedText.toLowerCase();
  const concepts = findGraveConcepts(text);
  if (concepts.lookAlike) return { safeguarding: [], patientSafety: [] };
  const safeguarding = findGroups(SAFEGUARDING_RE, text);
  const patientSafety = findGroups(PATIENT_SAFETY_RE, text);
  const fromConcepts = concepts.safeguarding.length + concepts.patientSafety.length > 0;
  if (!fromConcepts && safeguarding.length + patientSafety.length > 0 && isLookAlike(text)) {
    return { safeguarding: [], patientSafety: [] };
  }
  return {
    safeguarding: [...safeguarding, ...conceptEvidence(concepts.safeguarding)],
    patientSafety: [...patientSafety, ...conceptEvidence(concepts.patientSafety)],
  };
}

export interface FlagInput {
  /** Normalised text (see normaliseText). */
  text: string;
  /** Sentiment polarity after combining, -1..1. */
  score: number;
  negative: boolean;
  /** Service failures and improvement requests the rules found. */
  failures: string[];
  /** Praise read as sarcasm around a bad event. */
  sarcasm: boolean;
  piiKinds: string[];
  /** The text asks for information (rules' infoQuestion). */
  asking?: boolean;
  /** A complaining question's words ("why does nobody answer ...?"), or empty. */
  complainingQuestion?: string;
  /** Negative words the lexicon read (not negated), for a complaint's evidence. */
  negativeWords?: string[];
  /** From findRisks on the same text (computed here when absent). */
  risks?: Risks;
}

export interface FlagResult {
  flags: RiskFlags;
  evidence: Record<string, string[]>;
}

/**
 * Risk flags, independent of sentiment where it matters: safeguarding and patient safety are
 * raised by their patterns alone. A complaint is a bad experience of the trust's services told
 * by someone who had it (or to the trust): negative or naming a service failure, and personal.
 * General bad news about the NHS has no one speaking from experience and is not a complaint.
 * Urgent = safeguarding, or patient safety, or a complaint that is escalating (press, MP,
 * lawyers, regulator, "please share").
 */
export function computeFlags(input: FlagInput): FlagResult {
  const text = input.text.toLowerCase();
  const evidence: Record<string, string[]> = {};
  const { safeguarding, patientSafety } = input.risks ?? findRisks(input.text);
  if (safeguarding.length > 0) evidence.safeguarding = safeguarding;
  if (patientSafety.length > 0) evidence.patientSafety = patientSafety;

  // A complaint is a bad experience of the trust's own services, and its evidence names the
  // failure: a service failure, a complaining question, sarcasm or the negative words themselves,
  // never a pronoun. Someone speaking from experience (or a failure named with no news report
  // around it) is required too; the trust's own post or an information question is not one.
  let complaint = false;
  const cue = firstHit(COMPLAINT_CUE_RULE!, text);
  ESCALATION_RE.lastIndex = 0;
  const escalation = ESCALATION_RE.exec(text);
  const named =
    input.failures.length > 0 ||
    input.sarcasm ||
    (input.complainingQuestion ?? '') !== '' ||
    cue !== null;
  const notAComplaint = () => !named && (input.asking === true || ORGANISATION_VOICE_RE.test(text));
  if ((input.negative || (input.failures.length > 0 && input.score < 0.2)) && !notAComplaint()) {
    const personal = EXPERIENCE_RE.test(text);
    const failureEvidence = [
      ...input.failures.slice(0, 5).map((f) => `"${f}"`),
      ...(input.complainingQuestion ? [`"${input.complainingQuestion}"`] : []),
      ...(cue ? [`"${cue.text}"`] : []),
      ...(input.sarcasm ? ['sarcasm'] : []),
    ];
    if (escalation !== null) failureEvidence.push(`"${escalation[0].trim()}"`);
    const wordEvidence = (input.negativeWords ?? []).slice(0, 3).map((w) => `"${w}"`);
    const evidenceFound = failureEvidence.length > 0 ? failureEvidence : wordEvidence;
    if (evidenceFound.length > 0 && (personal || (failureEvidence.length > 0 && !isNotice(text)))) {
      complaint = true;
      evidence.complaint = evidenceFound;
    }
  }

  const urgentReasons: string[] = [];
  if (safeguarding.length > 0) urgentReasons.push('safeguarding');
  if (patientSafety.length > 0) urgentReasons.push('patient safety');
  if (complaint && escalation !== null) urgentReasons.push(`escalating: "${escalation[0]}"`);
  if (urgentReasons.length > 0) evidence.urgent = urgentReasons;
  if (input.piiKinds.length > 0) evidence.pii = input.piiKinds;

  return {
    flags: {
      safeguarding: safeguarding.length > 0,
      complaint,
      patientSafety: patientSafety.length > 0,
      urgent: urgentReasons.length > 0,
      pii: input.piiKinds.length > 0,
    },
    evidence,
  };
}
