import type { RiskFlags } from '../contracts/api.ts';
import type { SentimentLabel } from '../mention.ts';
import { combine } from './combine.ts';
import { COMPLAINING_QUESTION } from './concepts/questions.ts';
import { readNotice } from './concepts/read-notice.ts';
import { explain, type Highlight } from './explain.ts';
import { featureKeysOf } from './feature-keys.ts';
import { addEvidenceKeys, evidenceFeatures, hasPraise } from './features.ts';
import { computeFlags, findRisks } from './flags/flags.ts';
import { scoreLexicon } from './lexicon.ts';
import { type CompiledModel, predict } from './model.ts';
import { normaliseText } from './normalise.ts';
import { type RedactionOptions, redactPii } from './redaction/pii.ts';
import { compileRules, firstHit } from './rule-table.ts';
import { applyRules } from './rules.ts';
import { tokenize } from './tokens.ts';
import { keywordTopics, type Taxonomy } from './topics.ts';

export interface MentionScore {
  version: string;
  sentiment: { score: number; label: SentimentLabel; confidence: number };
  /** What drove the sentiment, most telling first ("rule: ...", "model: ...", "lexicon: ..."): the internals. */
  explanation: string[];
  /**
   * One sentence for an officer, flags first ("patient safety: 'floppy', 'a&e'; negative: 'no one
   * answered'").
   */
  summary: string;
  /** Words to highlight in the mention's text (offsets into `text`), with what they show. */
  highlights: Highlight[];
  flags: RiskFlags;
  /** Evidence per flag (and per topic under "topic:<name>"). */
  flagEvidence: Record<string, string[]>;
  topics: string[];
  /** The title and text with patient-identifying data replaced by labels. */
  redacted: string;
}

export interface ScoreInput {
  title?: string | null;
  text: string;
}

export interface ScoreOptions {
  /** The trust's own taxonomy (topic name -> keywords), from its profile. */
  taxonomy?: Taxonomy;
  /** The trust's own identifier formats (hospital numbers) to redact as well. */
  redaction?: RedactionOptions;
}

/** Sentiment and topics read at most this much: long articles are judged by their opening. */
const MAX_SCORED_CHARS = 2000;
/** Redaction covers the whole text up to this size (alerts and exports use the redacted copy). */
const MAX_REDACTED_CHARS = 100_000;

const EVIDENCE_NAMES: Record<string, string> = {
  _lexpos_: '[positive words]',
  _lexneg_: '[negative words]',
  _failure_: '[service failure]',
  _improve_: '[improvement request]',
  _nothing_: '[nothing to improve]',
};

function readableFeature(feature: string): string {
  return EVIDENCE_NAMES[feature] ?? `"${feature.replace(/(^| )not_/g, '$1not ')}"`;
}

const [complainingQuestionRule] = compileRules([COMPLAINING_QUESTION]);

/** The words inside an evidence string ('abuse: "hits me"' -> 'hits me'). */
const quotedWords = (evidence: string[] | undefined) =>
  (evidence ?? []).map((e) => /"([^"]+)"/.exec(e)?.[1] ?? '').filter((w) => w !== '');

export type Scorer = (input: ScoreInput, options?: ScoreOptions) => MentionScore;

export function createScorer(model: CompiledModel, version: string): Scorer {
  return (input, options) => {
    const full = input.title ? `${input.title}. ${input.text}` : input.text;
    const { text, hashtags } = normaliseText(full.slice(0, MAX_SCORED_CHARS));
    const tokens = tokenize(text);

    const lexicon = scoreLexicon(tokens);
    const rules = applyRules(text, hasPraise(lexicon));
    const features = addEvidenceKeys(
      featureKeysOf(tokens, model.vocab),
      evidenceFeatures(lexicon, rules),
      model.vocab,
    );
    const prediction = predict(model, features);
    const risks = findRisks(text);
    const lower = text.toLowerCase();
    const notice = readNotice(lower);
    const complainingQuestion = firstHit(complainingQuestionRule!, lower)?.text ?? '';
    const grave = risks.safeguarding.length > 0 || risks.patientSafety.length > 0;
    const sentiment = combine({
      modelProbs: prediction.probs,
      lexicon,
      rules,
      text,
      wordCount: lexicon.words,
      grave,
      negativeBias: model.negativeBias,
      notice: notice !== null,
      complainingQuestion: complainingQuestion !== '',
    });

    const explanation: string[] = [];
    for (const f of rules.failures) explanation.push(`rule: service failure "${f}"`);
    for (const f of rules.improvements) explanation.push(`rule: improvement request "${f}"`);
    for (const f of rules.nothingToImprove) explanation.push(`rule: nothing to improve "${f}"`);
    for (const f of rules.gratitude) explanation.push(`rule: thanks or credit "${f}"`);
    if (complainingQuestion)
      explanation.push(`rule: complaining question "${complainingQuestion}"`);
    else if (rules.infoQuestion) explanation.push('rule: asks for information');
    if (notice) explanation.push(`rule: ${notice.kind} "${notice.cue}"`);
    if (grave) explanation.push('rule: safeguarding or patient safety, never read as positive');
    if (rules.sarcasm) {
      explanation.push(
        `rule: sarcasm (praise around a failure${rules.sarcasmCues.length > 0 ? `: "${rules.sarcasmCues.join('", "')}"` : ''})`,
      );
    }
    const [pn, pu, pp] = prediction.probs;
    explanation.push(
      `model: negative ${pn.toFixed(2)}, neutral ${pu.toFixed(2)}, positive ${pp.toFixed(2)}` +
        (prediction.drivers.length > 0
          ? ` (${prediction.drivers.map((d) => readableFeature(d.feature)).join(', ')})`
          : ''),
    );
    for (const h of lexicon.hits) {
      const sarcastic = rules.sarcasm && h.score > 0;
      explanation.push(
        `lexicon: ${h.word} (${h.score > 0 ? '+' : ''}${h.score}${h.negated ? ', negated' : ''}${sarcastic ? ', read as sarcasm' : ''})`,
      );
    }

    const { redacted, found } = redactPii(full.slice(0, MAX_REDACTED_CHARS), options?.redaction);
    const piiKinds = [...new Set(found.map((f) => f.kind))];
    const { flags, evidence } = computeFlags({
      text,
      score: sentiment.score,
      negative: sentiment.label === 'negative',
      failures: rules.failures,
      sarcasm: rules.sarcasm,
      asking: rules.infoQuestion && complainingQuestion === '',
      complainingQuestion,
      negativeWords: lexicon.hits.filter((h) => h.score < 0).map((h) => h.word),
      piiKinds,
      risks,
    });

    const topics: string[] = [];
    const addTopic = (topic: string, why: string) => {
      if (!topics.includes(topic)) {
        topics.push(topic);
        evidence[`topic:${topic}`] = [why];
      }
    };
    for (const t of keywordTopics(tokens, options?.taxonomy)) addTopic(t.topic, `"${t.evidence}"`);
    for (const t of prediction.topics) {
      addTopic(t.topic, `model: "${t.driver}"`);
    }
    for (const h of hashtags) addTopic(`#${h}`, 'hashtag');

    const { summary, highlights } = explain({
      original: input.text,
      label: sentiment.label,
      lexicon,
      rules,
      complainingQuestion,
      notice: notice?.kind ?? null,
      safeguardingWords: quotedWords(evidence.safeguarding),
      patientSafetyWords: quotedWords(evidence.patientSafety),
      complaintWords: quotedWords(evidence.complaint),
    });

    return {
      version,
      sentiment: {
        score: sentiment.score,
        label: sentiment.label,
        confidence: sentiment.confidence,
      },
      explanation,
      summary,
      highlights,
      flags,
      flagEvidence: evidence,
      topics,
      redacted,
    };
  };
}
