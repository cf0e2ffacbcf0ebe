import { formatAge, formatLondon, formatRelative } from '../lib/time-format.ts';

/** A time as "5 minutes ago" with the UK time beside it (or, compact, "5m" with it in a tooltip). */
export function TimeStamp({
  value,
  now,
  compact = false,
}: {
  value: string | null;
  now: Date;
  compact?: boolean;
}) {
  if (!value) return <span className="muted">unknown</span>;
  const absolute = formatLondon(value);
  if (compact) {
    return (
      <time dateTime={value} title={absolute}>
        {formatAge(value, now)}
      </time>
    );
  }
  return (
    <time dateTime={value} title={value}>
      {formatRelative(value, now)} <span className="muted">({absolute})</span>
    </time>
  );
}
