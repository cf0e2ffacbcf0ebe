import winkSentiment from 'wink-sentiment';
import { z } from 'zod';
import { evaluate, formatEvaluation } from '../src/scoring/evaluation/metrics.ts';
import type { Scorer } from '../src/scoring/scorer.ts';
import { SENTIMENT_CLASSES } from '../src/scoring/training/fft-data.ts';

const FLAG_NAMES = ['safeguarding', 'complaint', 'patientSafety', 'urgent', 'pii'] as const;

export const SocialMention = z.object({
  id: z.string(),
  text: z.string().min(1),
  label: z.enum(SENTIMENT_CLASSES),
  /** The flags that should be raised; every other flag should not be. */
  flags: z.array(z.enum(FLAG_NAMES)),
  /** Kinds of patient-identifying data present (for the redaction check). */
  pii: z.array(z.string()).default([]),
  /** Strings that must not appear in the redacted copy. */
  mustRedact: z.array(z.string()).default([]),
});
export type SocialMention = z.infer<typeof SocialMention>;

export function parseSocialSet(jsonl: string): SocialMention[] {
  return jsonl
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, n }) => {
      try {
        return SocialMention.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`social-mentions.jsonl line ${n}: ${String(error)}`);
      }
    });
}

/** The first scorer's rule (plain wink-sentiment), as the baseline every figure is compared with. */
export function winkLabel(text: string): (typeof SENTIMENT_CLASSES)[number] {
  const score = winkSentiment(text).normalizedScore / 5;
  return score <= -0.1 ? 'negative' : score >= 0.1 ? 'positive' : 'neutral';
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function evaluateSocial(jsonl: string, score: Scorer): void {
  const set = parseSocialSet(jsonl);
  const scored = set.map((m) => ({ m, s: score({ text: m.text }) }));
  const e = evaluate(
    SENTIMENT_CLASSES,
    scored.map(({ m }) => m.label),
    scored.map(({ s }) => s.sentiment.label),
  );
  console.log(`\n== (b) social-media set (${set.length} mentions)\n${formatEvaluation(e)}`);
  const baseline = evaluate(
    SENTIMENT_CLASSES,
    set.map((m) => m.label),
    set.map((m) => winkLabel(m.text)),
  );
  console.log(
    `negative-class F1: ${e.perClass[0]!.f1.toFixed(3)}   (plain wink-sentiment: ${baseline.perClass[0]!.f1.toFixed(3)})`,
  );

  console.log(`\nflags${''.padEnd(15)}expected  found  recall  false alarms (rate among the rest)`);
  for (const flag of FLAG_NAMES) {
    const expected = scored.filter(({ m }) => m.flags.includes(flag));
    const others = scored.filter(({ m }) => !m.flags.includes(flag));
    const found = expected.filter(({ s }) => s.flags[flag]).length;
    const falseAlarms = others.filter(({ s }) => s.flags[flag]);
    console.log(
      `${flag.padEnd(20)}${String(expected.length).padStart(8)}${String(found).padStart(7)}  ${pct(expected.length ? found / expected.length : 1).padStart(6)}  ${String(falseAlarms.length).padStart(4)} (${pct(others.length ? falseAlarms.length / others.length : 0)})`,
    );
    if (process.env.EVAL_VERBOSE) {
      for (const { m } of expected.filter(({ s }) => !s.flags[flag])) {
        console.log(`   missed ${m.id}: ${m.text}`);
      }
      for (const { m, s } of falseAlarms) {
        console.log(`   false alarm ${m.id}: ${m.text} ${JSON.stringify(s.flagEvidence[flag])}`);
      }
    }
  }
  const badNhs = scored.filter(
    ({ m, s }) => !m.pii.includes('nhsNumber') && (s.flagEvidence.pii ?? []).includes('nhsNumber'),
  );
  const tenDigit = scored.filter(({ m }) =>
    /(?<!\d)\d{10}(?!\d)/.test(m.text.replace(/[ -]/g, '')),
  );
  console.log(
    `NHS numbers: ${badNhs.length} flagged where none is valid (${tenDigit.length} mentions hold a ten-digit number)` +
      badNhs.map(({ m }) => `\n   wrongly flagged ${m.id}: ${m.text}`).join(''),
  );
  const leaks = scored.filter(({ m, s }) => m.mustRedact.some((t) => s.redacted.includes(t)));
  const needing = scored.filter(({ m }) => m.mustRedact.length > 0).length;
  console.log(
    `\nredaction: ${needing - leaks.length}/${needing} mentions with PII fully redacted` +
      leaks.map(({ m }) => `\n   leaked ${m.id}: ${m.text}`).join(''),
  );
  if (process.env.EVAL_VERBOSE) {
    for (const { m, s } of scored) {
      if (m.label !== s.sentiment.label) {
        console.log(`   ${m.id} expected ${m.label} got ${s.sentiment.label}: ${m.text}`);
      }
    }
  }
}
