import type { SentimentLabel } from '../mention.ts';
import type { LexiconResult } from './lexicon.ts';
import type { RuleResult } from './rules.ts';

// One calibrated label from three sources. The trained model gives class probabilities; the
// lexicon and the rules add evidence to the log-odds of a class, in units chosen so that one
// clear service failure ("waited 14 hours") outweighs a mildly positive model, and a single
// mild lexicon word does not overturn a confident model. The result is a proper distribution:
// the label is its most likely class, the confidence that class's probability, and the score
// P(positive) - P(negative), in [-1, 1].

export const WEIGHTS = {
  /**
   * The model's log-probabilities are tempered: trained on one kind of text (FFT answers), it is
   * over-confident on others (a new trust, social posts), where it meets words it never saw.
   */
  modelTemperature: 1,
  /** Per unit of wink/AFINN score (a strong word is 3-4), capped. */
  lexicon: 0.35,
  lexiconCap: 8,
  failure: 1.5,
  improvement: 0.8,
  nothingToImprove: 1.6,
  sarcasm: 1.5,
  /** Neutral needs some evidence too: long texts are rarely neutral. */
  neutralPerHit: -0.15,
  /**
   * Mixed comments that carry a criticism are read as negative: a comms officer wants to see
   * the complaint in "lovely staff, but the wait was too long", not a neutral average.
   */
  neutralOffset: -0.4,
  /**
   * Text with no opinion words and no rule at all (news, notices, questions) is neutral unless
   * the model is quite sure: every FFT answer is an opinion, so the model has never seen text
   * that is not one and would otherwise force it into positive or negative.
   */
  noOpinion: 0.6,
  /** With no opinion words at all, the model's content-word evidence counts half as much. */
  noOpinionTemperature: 0.5,
  question: 1.5,
  /**
   * Thanks or credit aimed at someone ("thank you for ...", "shout out to ..."): clear praise the
   * FFT model under-reads on social posts, where the rest of the words tell a story of a bad time
   * ("six months ago I couldn't climb the stairs") that the thanks are for.
   */
  gratitude: 1.5,
  gratitudeCap: 2,
  /**
   * A question asking for information with no service failure or sarcasm in it is neutral:
   * the model has never seen one (every FFT answer is an opinion) and reads its content words
   * ("parking", "waiting", "bank holiday") as a complaint.
   */
  infoQuestion: 4.5,
  /** Fewer words than this and a text is a fragment, not a statement. */
  statementWords: 6,
  /** Abuse, threats, self-harm, neglect, a patient in danger: whatever the words, not good news. */
  safeguarding: 2,
  /**
   * News, an announcement, a job advert or an awareness notice, with nobody speaking of
   * themself and no failure named: neutral, like an information question.
   */
  notice: 4,
  /** "Why does nobody answer ...?": a question that complains is negative evidence. */
  complainingQuestion: 2,
} as const;

const QUESTION =
  /\?|^\W*(?:does|do|is|are|can|could|where|what|which|how|when|who|anyone|has|have|will|would|should|any)\b/i;

export interface Combined {
  label: SentimentLabel;
  score: number;
  confidence: number;
  probs: [number, number, number];
}

export interface CombineInput {
  /** The model's [negative, neutral, positive] probabilities. */
  modelProbs: readonly [number, number, number];
  lexicon: LexiconResult;
  rules: RuleResult;
  /** Normalised text. */
  text: string;
  wordCount: number;
  /** A safeguarding or patient-safety concern: never read as positive. */
  grave?: boolean;
  /** The model's negative threshold offset (model.json negativeBias). */
  negativeBias?: number;
  /** News, an announcement, a job advert or an awareness notice, nobody speaking of themself. */
  notice?: boolean;
  /** The text is a question that complains ("why does nobody answer...?"). */
  complainingQuestion?: boolean;
}

export function combine(input: CombineInput): Combined {
  const { modelProbs, lexicon, text, wordCount } = input;
  const grave = input.grave === true;
  const negativeBias = input.negativeBias ?? 0;
  const complainingQuestion = input.complainingQuestion === true;
  const rules = complainingQuestion ? { ...input.rules, infoQuestion: false } : input.rules;
  let pos = lexicon.positive;
  let neg = lexicon.negative;
  if (rules.sarcasm) {
    // Praise words around a failure read as complaint: move their weight to the other side.
    for (const h of lexicon.hits) {
      if (h.score > 0) {
        pos -= h.score;
        neg += h.score;
      }
    }
  }
  const nF = Math.min(rules.failures.length, 3);
  const nI = Math.min(rules.improvements.length, 2);
  const nN = Math.min(rules.nothingToImprove.length, 2);
  const nG = Math.min(rules.gratitude.length, WEIGHTS.gratitudeCap);
  const evidence = lexicon.hits.length + nF + nI + nN + nG + (rules.sarcasm ? 1 : 0);
  const asking = rules.infoQuestion && nF === 0 && !rules.sarcasm;
  // Short fragments ("Waiting time.", "Appointment times.") answer a feedback question and are
  // opinions even without opinion words; a statement of a sentence or more without any is not.
  const noOpinion = evidence === 0 && wordCount >= WEIGHTS.statementWords;
  // A question asking for information is not an opinion either, and thanks aimed at someone are
  // an opinion the rules read plainly: in both, the model's content words count half (trained on
  // FFT answers, it reads the story around the thanks, "a year ago he could not walk", as a
  // complaint).
  // A news report ("the trust said", nobody speaking for themself) is not an FFT answer either.
  // An improvement request ("staff need more training") is an opinion, not a notice.
  const notice =
    input.notice === true &&
    nF === 0 &&
    nI === 0 &&
    !rules.sarcasm &&
    !complainingQuestion &&
    !grave;
  const ruleLed = asking || notice || (nG > 0 && nF === 0);
  const t = WEIGHTS.modelTemperature * (noOpinion || ruleLed ? WEIGHTS.noOpinionTemperature : 1);
  const zNeg =
    t * Math.log(modelProbs[0] + 1e-6) +
    WEIGHTS.lexicon * Math.min(neg, WEIGHTS.lexiconCap) +
    WEIGHTS.failure * nF +
    WEIGHTS.improvement * nI +
    (rules.sarcasm ? WEIGHTS.sarcasm : 0) +
    (grave ? WEIGHTS.safeguarding : 0) +
    (complainingQuestion ? WEIGHTS.complainingQuestion : 0) +
    negativeBias;
  const zPos =
    t * Math.log(modelProbs[2] + 1e-6) +
    WEIGHTS.lexicon * Math.min(pos, WEIGHTS.lexiconCap) +
    WEIGHTS.nothingToImprove * nN +
    WEIGHTS.gratitude * nG;
  const zNeu =
    t * Math.log(modelProbs[1] + 1e-6) +
    WEIGHTS.neutralPerHit * (lexicon.hits.length + nF + nI) +
    (noOpinion ? WEIGHTS.noOpinion : evidence === 0 ? 0 : WEIGHTS.neutralOffset) +
    (notice ? WEIGHTS.notice : 0) +
    (asking
      ? WEIGHTS.infoQuestion
      : evidence <= 1 && QUESTION.test(text)
        ? WEIGHTS.question * (evidence === 0 ? 2 : 1)
        : 0);
  const max = Math.max(zNeg, zNeu, zPos);
  const eNeg = Math.exp(zNeg - max);
  const eNeu = Math.exp(zNeu - max);
  const ePos = Math.exp(zPos - max);
  const sum = eNeg + eNeu + ePos;
  const probs: [number, number, number] = [eNeg / sum, eNeu / sum, ePos / sum];
  if (grave && probs[2] > probs[0]) {
    // A post that raises safeguarding or patient safety is never praise: whatever praise it holds
    // ("the nurse was lovely but...") is outweighed by the danger it reports.
    [probs[0], probs[2]] = [probs[2], probs[0]];
  }
  const label: SentimentLabel =
    probs[0] >= probs[1] && probs[0] >= probs[2]
      ? 'negative'
      : probs[2] >= probs[1]
        ? 'positive'
        : 'neutral';
  const confidence = Math.max(probs[0], probs[1], probs[2]);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    label,
    score: round(probs[2] - probs[0]),
    confidence: round(confidence),
    probs,
  };
}
