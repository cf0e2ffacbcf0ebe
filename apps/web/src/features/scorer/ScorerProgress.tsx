import { scorerProgressRatio, scorerProgressText } from './scorer-progress.ts';
import { useScorerStatus } from './use-scorer-status.ts';

/** "Re-scoring: 12,345 / 40,000" while mentions await the current scorer; nothing otherwise. */
export function ScorerProgress() {
  const { data } = useScorerStatus();
  if (!data) return null;
  const text = scorerProgressText(data);
  if (!text) return null;
  return (
    <span className="scorer-progress" title={`Scorer version ${data.version}`}>
      <span role="status">{text}</span>
      <progress value={scorerProgressRatio(data)} max={1} aria-hidden="true" />
    </span>
  );
}
