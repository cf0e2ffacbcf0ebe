// What a comment is about must not decide how it feels. A word feature keeps its sentiment only
// when the training data does not contradict itself across populations: a feature that leans
// negative in one group (a trust, or a service within one trust's file) and positive in another
// is that group's topic, not a feeling ("parking" at one site, "dental" in one service), and a
// model trained on it reads another trust's "free dental checks" as a complaint. Topic and place
// words (services, places, days, tests) never carry sentiment at all. Evidence features
// (lexicon, rules) are always kept.
//
// Measured (scorer README): requiring the lean to agree in at least two groups, instead of
// merely not contradicting, cost 0.02 negative F1 cross-trust both ways and was not kept.
import { PLACE_AND_TOPIC_WORDS } from './topic-words.ts';

export interface GroupedExample {
  features: string[];
  /** 0 negative, 1 neutral, 2 positive. */
  label: number;
  group: string;
}

/** A group votes on a feature only when the feature is in at least this many of its comments. */
const MIN_GROUP_DOCS = 3;
/** Smoothed log-odds of negative vs positive (relative to the group's own mix) that counts as a lean. */
const MIN_LEAN = 0.3;

const isEvidence = (f: string) => f.startsWith('_') && f.endsWith('_');
const words = (f: string) => f.split(' ').map((w) => w.replace(/^not_/, ''));

/** True when every word of the feature is a topic or place word (or a clause marker). */
export function isTopicOnly(feature: string): boolean {
  return words(feature).every((w) => w === '^' || PLACE_AND_TOPIC_WORDS.has(w));
}

/** The set of word features that lean negative in no group where others lean positive. */
export function featuresConsistentAcrossGroups(examples: readonly GroupedExample[]): Set<string> {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const base = new Map(groups.map((g) => [g, { neg: 0, pos: 0 }]));
  // feature -> group index -> [negative docs, positive docs]
  const counts = new Map<string, Int32Array>();
  for (const ex of examples) {
    if (ex.label === 1) continue;
    const gi = groups.indexOf(ex.group);
    const b = base.get(ex.group)!;
    if (ex.label === 0) b.neg++;
    else b.pos++;
    for (const f of new Set(ex.features)) {
      let c = counts.get(f);
      if (c === undefined) {
        c = new Int32Array(groups.length * 2);
        counts.set(f, c);
      }
      c[gi * 2 + (ex.label === 0 ? 0 : 1)]!++;
    }
  }
  const kept = new Set<string>();
  for (const [f, c] of counts) {
    let negative = 0;
    let positive = 0;
    groups.forEach((g, gi) => {
      const neg = c[gi * 2]!;
      const pos = c[gi * 2 + 1]!;
      if (neg + pos < MIN_GROUP_DOCS) return;
      const b = base.get(g)!;
      const lean = Math.log((neg + 0.5) / (pos + 0.5)) - Math.log((b.neg + 0.5) / (b.pos + 0.5));
      if (lean >= MIN_LEAN) negative++;
      else if (lean <= -MIN_LEAN) positive++;
    });
    if (negative === 0 || positive === 0) kept.add(f);
  }
  return kept;
}

/** The features a sentiment model may learn from these examples. */
export function sentimentFeatureFilter(
  examples: readonly GroupedExample[],
): (feature: string) => boolean {
  const groups = new Set(examples.map((e) => e.group));
  // With one group there is nothing to compare; only the topic-word rule applies.
  const consistent = groups.size >= 2 ? featuresConsistentAcrossGroups(examples) : null;
  return (f) => isEvidence(f) || (!isTopicOnly(f) && (consistent === null || consistent.has(f)));
}
