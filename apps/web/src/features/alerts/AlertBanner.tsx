import './alerts.css';
import { useEffect, useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { bannerCount } from './alert-view.ts';
import { useAlerts } from './use-alerts.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The strip under the top bar while anything waits for acknowledgement. */
export function AlertBanner() {
  const alerts = useAlerts('active');
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  useEffect(() => {
    if (typeof Notification !== 'undefined') setPermission(Notification.permission);
  }, []);
  const counts = bannerCount(alerts.data?.items ?? []);
  if (counts.pages + counts.alerts === 0) return null;
  const parts = [
    counts.pages ? plural(counts.pages, 'page') : null,
    counts.alerts ? plural(counts.alerts, 'alert') : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <div
      className={`alert-banner ${counts.pages ? 'alert-banner-page' : ''}`}
      role="status"
      aria-live="polite"
    >
      <strong>{parts} waiting for someone to acknowledge.</strong>
      <Link to="/alerts" className="alert-banner-link">
        Open alerts
      </Link>
      {permission === 'default' && (
        <button
          type="button"
          className="link-button"
          onClick={() => void Notification.requestPermission().then(setPermission)}
        >
          Notify me on this computer
        </button>
      )}
    </div>
  );
}
