import type { AlertDto } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { formatAge } from '../../lib/time-format.ts';
import { useNow } from '../../lib/use-now.ts';
import { SEVERITY_LABEL, STATUS_LABEL, sortAlerts } from './alert-view.ts';

export function AlertList({
  alerts,
  selectedId,
}: {
  alerts: readonly AlertDto[];
  selectedId: number | null;
}) {
  const now = useNow();
  if (alerts.length === 0)
    return <p className="empty">Nothing is waiting. New alerts appear here as they are raised.</p>;
  return (
    <ul className="alert-list" aria-label="Alerts">
      {sortAlerts(alerts).map((a) => (
        <li
          key={a.id}
          className={`alert-row alert-row-${a.status} ${a.id === selectedId ? 'selected' : ''}`}
        >
          <Link to={`/alerts/${a.id}`} className="alert-row-link" current={a.id === selectedId}>
            <span className="row-line">
              <span className={`badge severity-${a.severity}`}>{SEVERITY_LABEL[a.severity]}</span>
              <span className="muted small">{STATUS_LABEL[a.status]}</span>
              <span className="row-time">
                <time dateTime={a.raisedAt}>{formatAge(a.raisedAt, now)}</time>
              </span>
            </span>
            <span className="row-title">
              {a.title}
              {a.count > 1 ? ` (${a.count} posts)` : ''}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
