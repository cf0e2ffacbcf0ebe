// The blind sets (packages/core/eval/blind-posts.jsonl and final-held-out.jsonl): posts of kinds
// the other sets lack (news, announcements, recruitment, everyday praise, questions, clinical
// emergencies in everyday words, data breaches, threats, fire and flood, safeguarding, stated
// suicidal intent, and look-alikes that must not page). Written before the scorer was run on
// them; see the scorer README for the figures recorded at that moment.
import winkSentiment from 'wink-sentiment';
import { z } from 'zod';
import { evaluate, formatEvaluation } from '../src/scoring/evaluation/metrics.ts';
import type { MentionScore } from '../src/scoring/scorer.ts';
import { SENTIMENT_CLASSES } from '../src/scoring/training/fft-data.ts';

export const BlindPost = z.object({
  id: z.string(),
  /** What sort of post it is (news, emergency, lookalike, ...). */
  kind: z.string(),
  text: z.string().min(1),
  label: z.enum(SENTIMENT_CLASSES),
  /** The flags that should be raised. */
  flags: z.array(z.enum(['safeguarding', 'complaint', 'patientSafety', 'urgent', 'pii'])),
});
export type BlindPost = z.infer<typeof BlindPost>;

export function parseBlindSet(jsonl: string): BlindPost[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = BlindPost.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`blind set line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** A grave post: one that should page someone (safeguarding or patient safety). */
export const isGrave = (p: BlindPost) =>
  p.flags.includes('safeguarding') || p.flags.includes('patientSafety');
const pages = (s: MentionScore) => s.flags.safeguarding || s.flags.patientSafety || s.flags.urgent;

function winkLabel(text: string): (typeof SENTIMENT_CLASSES)[number] {
  const score = winkSentiment(text).normalizedScore / 5;
  return score <= -0.1 ? 'negative' : score >= 0.1 ? 'positive' : 'neutral';
}

export interface BlindFigures {
  negativeF1: number;
  macroF1: number;
  graveFlagged: number;
  grave: number;
  gravePositive: number;
  lookalikeFlagged: number;
  lookalikes: number;
  complaintPrecision: number;
  complaintRecall: number;
}

export function evaluateBlind(
  title: string,
  jsonl: string,
  score: (text: string) => MentionScore,
  verbose = false,
): BlindFigures {
  const set = parseBlindSet(jsonl);
  const scored = set.map((p) => ({ p, s: score(p.text) }));
  const actual = set.map((p) => p.label);
  const e = evaluate(
    SENTIMENT_CLASSES,
    actual,
    scored.map(({ s }) => s.sentiment.label),
  );
  const wink = evaluate(
    SENTIMENT_CLASSES,
    actual,
    set.map((p) => winkLabel(p.text)),
  );
  console.log(`\n== ${title} (${set.length} posts)\n${formatEvaluation(e)}`);
  console.log(
    `plain wink-sentiment on the same posts: ${wink.perClass.map((m) => `${m.label} F1 ${m.f1.toFixed(3)}`).join(', ')}, macro F1 ${wink.macroF1.toFixed(3)}`,
  );

  const grave = scored.filter(({ p }) => isGrave(p));
  const graveFlagged = grave.filter(({ s }) => pages(s));
  const gravePositive = grave.filter(({ s }) => s.sentiment.label === 'positive');
  const lookalikes = scored.filter(({ p }) => p.kind === 'lookalike');
  const lookalikeFlagged = lookalikes.filter(({ s }) => pages(s));
  const expectC = scored.filter(({ p }) => p.flags.includes('complaint'));
  const gotC = scored.filter(({ s }) => s.flags.complaint);
  const bothC = gotC.filter(({ p }) => p.flags.includes('complaint'));
  const complaintPrecision = gotC.length ? bothC.length / gotC.length : 1;
  // Grave posts were labelled for their flag, not consistently for complaint (a breach told by
  // the patient is marked a complaint, an emergency while waiting is not), so the complaint flag
  // is also reported on the other posts alone.
  const notGrave = scored.filter(({ p }) => !isGrave(p));
  const gotCn = notGrave.filter(({ s }) => s.flags.complaint);
  const bothCn = gotCn.filter(({ p }) => p.flags.includes('complaint'));
  const expectCn = notGrave.filter(({ p }) => p.flags.includes('complaint'));
  const complaintRecall = expectC.length ? bothC.length / expectC.length : 1;
  const wrongKind = grave.filter(
    ({ p, s }) =>
      (p.flags.includes('safeguarding') && !s.flags.safeguarding) ||
      (p.flags.includes('patientSafety') && !s.flags.patientSafety),
  );
  console.log(
    `grave posts flagged (safeguarding, patient safety or urgent): ${graveFlagged.length}/${grave.length}` +
      ` (the expected flag itself: ${grave.length - wrongKind.length}/${grave.length}); labelled positive: ${gravePositive.length}`,
  );
  console.log(
    `look-alikes flagged: ${lookalikeFlagged.length}/${lookalikes.length}` +
      `; complaint precision ${complaintPrecision.toFixed(3)} (${bothC.length}/${gotC.length}), recall ${complaintRecall.toFixed(3)} (${bothC.length}/${expectC.length})`,
  );
  console.log(
    `complaint on posts that are not grave: precision ${(gotCn.length ? bothCn.length / gotCn.length : 1).toFixed(3)} (${bothCn.length}/${gotCn.length}), recall ${(expectCn.length ? bothCn.length / expectCn.length : 1).toFixed(3)} (${bothCn.length}/${expectCn.length})`,
  );
  const kinds = [...new Set(set.map((p) => p.kind))];
  console.log(
    `label right by kind: ${kinds
      .map((k) => {
        const of = scored.filter(({ p }) => p.kind === k);
        return `${k} ${of.filter(({ p, s }) => p.label === s.sentiment.label).length}/${of.length}`;
      })
      .join(', ')}`,
  );
  if (verbose) {
    for (const { p, s } of scored) {
      const wrongLabel = p.label !== s.sentiment.label;
      const missed = isGrave(p) && !pages(s);
      const falseFlag = p.kind === 'lookalike' && pages(s);
      const wrongComplaint = p.flags.includes('complaint') !== s.flags.complaint;
      if (wrongLabel || missed || falseFlag || wrongComplaint) {
        const why = [
          wrongLabel ? `label ${s.sentiment.label} (want ${p.label})` : '',
          missed ? 'grave, not flagged' : '',
          falseFlag ? `look-alike flagged ${JSON.stringify(s.flagEvidence)}` : '',
          wrongComplaint ? `complaint ${s.flags.complaint} ${s.flagEvidence.complaint ?? ''}` : '',
        ].filter(Boolean);
        console.log(`   ${p.id} [${p.kind}] ${why.join('; ')}: ${p.text}`);
      }
    }
  }
  return {
    negativeF1: e.perClass[0]!.f1,
    macroF1: e.macroF1,
    graveFlagged: graveFlagged.length,
    grave: grave.length,
    gravePositive: gravePositive.length,
    lookalikeFlagged: lookalikeFlagged.length,
    lookalikes: lookalikes.length,
    complaintPrecision,
    complaintRecall,
  };
}
