import type { LabelCounts, NetSentiment } from './report-schema.ts';

const Z95 = 1.959964;

/**
 * Positive share minus negative share, in points (-100..100), with a 95% interval. The labels are
 * one multinomial sample, so Var(p+ - p-) = (p+ + p- - (p+ - p-)^2) / n; the Wald interval is
 * clamped to the possible range. Neutral mentions count in n: a week of mostly neutral news is
 * near zero, not as extreme as its few labelled mentions.
 */
export function netSentiment(counts: LabelCounts): NetSentiment {
  const n = counts.positive + counts.neutral + counts.negative;
  if (n === 0) return { value: null, low: null, high: null, n: 0 };
  const pos = counts.positive / n;
  const neg = counts.negative / n;
  const net = pos - neg;
  const half = Z95 * Math.sqrt(Math.max(0, pos + neg - net * net) / n);
  return {
    value: points(net),
    low: points(Math.max(-1, net - half)),
    high: points(Math.min(1, net + half)),
    n,
  };
}

function points(share: number): number {
  return Math.round(share * 1000) / 10;
}

export function labelCountsOf(labels: Iterable<{ label: keyof LabelCounts }>): LabelCounts {
  const counts: LabelCounts = { positive: 0, neutral: 0, negative: 0 };
  for (const m of labels) counts[m.label] += 1;
  return counts;
}

/** A signed number of points as a manager reads it: "+12", "-4", "0". */
export function formatPoints(value: number): string {
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : String(rounded === 0 ? 0 : rounded);
}
