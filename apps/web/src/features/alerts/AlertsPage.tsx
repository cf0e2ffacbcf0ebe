import './alerts.css';
import { Link } from '../../components/Link.tsx';
import { usePathname } from '../../lib/router.ts';
import { AlertDetailPanel } from './AlertDetailPanel.tsx';
import { AlertList } from './AlertList.tsx';
import { alertsView } from './alert-view.ts';
import { OnCallEditor } from './OnCallEditor.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { useAlerts } from './use-alerts.ts';

function AlertsTab({
  selectedId,
  canAcknowledge,
}: {
  selectedId: number | null;
  canAcknowledge: boolean;
}) {
  const alerts = useAlerts('all');
  const items = alerts.data?.items ?? [];
  const shown = selectedId ?? items.find((a) => a.status !== 'resolved')?.id ?? null;
  return (
    <div className="alerts-layout">
      <div className="alerts-list-pane">
        {alerts.isError && (
          <div className="notice notice-error" role="alert">
            Could not load alerts: {alerts.error.message}
          </div>
        )}
        {alerts.isPending ? (
          <p className="empty">Loading alerts…</p>
        ) : (
          <AlertList alerts={items} selectedId={shown} />
        )}
      </div>
      <div className="alerts-detail-pane">
        {shown !== null ? (
          <AlertDetailPanel id={shown} canAcknowledge={canAcknowledge} />
        ) : (
          <p className="empty">Choose an alert to see its timeline.</p>
        )}
      </div>
    </div>
  );
}

/** Alerts and their timelines; the rule table; the rota and the ladder. */
export function AlertsPage({
  canConfigure,
  canAcknowledge,
}: {
  canConfigure: boolean;
  canAcknowledge: boolean;
}) {
  const view = alertsView(usePathname());
  return (
    <div className="page alerts-page">
      <h1 className="page-title">Alerts</h1>
      <nav className="tabs" aria-label="Alerts sections">
        <Link to="/alerts" className="tab" current={view.tab === 'alerts'}>
          Alerts
        </Link>
        <Link to="/alerts/rules" className="tab" current={view.tab === 'rules'}>
          Rules
        </Link>
        <Link to="/alerts/oncall" className="tab" current={view.tab === 'oncall'}>
          On call
        </Link>
      </nav>
      {!canConfigure && view.tab !== 'alerts' && (
        <p className="muted">Only an administrator can change these.</p>
      )}
      {view.tab === 'alerts' && (
        <AlertsTab selectedId={view.alertId} canAcknowledge={canAcknowledge} />
      )}
      {view.tab === 'rules' && <RulesEditor canEdit={canConfigure} />}
      {view.tab === 'oncall' && <OnCallEditor canEdit={canConfigure} />}
    </div>
  );
}
