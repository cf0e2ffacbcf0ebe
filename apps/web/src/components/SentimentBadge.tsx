import type { SentimentLabel } from '@barometer/core';

const TEXT: Record<SentimentLabel, string> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
};
const ICON: Record<SentimentLabel, string> = { negative: '▼', neutral: '●', positive: '▲' };

/** Colour, a shape and a word: the label never depends on colour alone. */
export function SentimentBadge({ label, score }: { label: SentimentLabel; score?: number }) {
  return (
    <span
      className={`badge sentiment sentiment-${label}`}
      title={score === undefined ? undefined : `Sentiment score ${score.toFixed(2)}`}
    >
      <span aria-hidden="true">{ICON[label]}</span> {TEXT[label]}
    </span>
  );
}
