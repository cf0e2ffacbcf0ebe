import type { MentionDto } from '@barometer/core';
import { activeFlags } from './flags.ts';

/** Risk flags as labelled badges; the evidence that raised each is in its tooltip. */
export function FlagBadges({ mention }: { mention: MentionDto }) {
  const flags = activeFlags(mention);
  if (flags.length === 0) return null;
  return (
    <span className="flags">
      {flags.map((flag) => (
        <span
          key={flag.key}
          className={`badge flag flag-${flag.key}`}
          title={flag.evidence.length > 0 ? `Evidence: ${flag.evidence.join(', ')}` : flag.label}
        >
          {flag.label}
        </span>
      ))}
    </span>
  );
}
