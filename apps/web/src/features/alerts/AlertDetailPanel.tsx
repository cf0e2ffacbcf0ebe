import { type FormEvent, useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { formatLondon } from '../../lib/time-format.ts';
import { useNow } from '../../lib/use-now.ts';
import { AlertTimeline } from './AlertTimeline.tsx';
import { ladderSummary, SEVERITY_LABEL, STATUS_LABEL, subjectLink } from './alert-view.ts';
import { useAcknowledge, useAlertDetail, useResolve } from './use-alerts.ts';

/** One alert: why it fired, where its ladder stands, its timeline, and the two actions. */
export function AlertDetailPanel({ id, canAcknowledge }: { id: number; canAcknowledge: boolean }) {
  const detail = useAlertDetail(id);
  const now = useNow(15_000);
  const acknowledge = useAcknowledge();
  const resolve = useResolve();
  const [note, setNote] = useState('');
  if (detail.isPending) return <p className="empty">Loading the alert…</p>;
  if (detail.isError) {
    return (
      <div className="notice notice-error" role="alert">
        Could not load this alert: {detail.error.message}
      </div>
    );
  }
  const alert = detail.data;
  const link = subjectLink(alert);
  const onResolve = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim()) resolve.mutate({ id, note: note.trim() }, { onSuccess: () => setNote('') });
  };
  const failure = acknowledge.error ?? resolve.error;
  return (
    <article className="detail alert-detail" aria-labelledby="alert-title">
      <header className="detail-head">
        <span className={`badge severity-${alert.severity}`}>{SEVERITY_LABEL[alert.severity]}</span>
        <span className={`badge status-${alert.status}`}>{STATUS_LABEL[alert.status]}</span>
        {alert.count > 1 && <span className="badge">{alert.count} posts</span>}
      </header>
      <h2 id="alert-title" className="detail-title">
        {alert.title}
      </h2>
      <p>{alert.why}</p>
      {alert.excerpt && <blockquote className="alert-excerpt">{alert.excerpt}</blockquote>}
      <p className="muted">
        Raised {formatLondon(alert.raisedAt)}. {ladderSummary(alert, now)}
      </p>
      {link && <Link to={link.to}>{link.label}</Link>}
      {failure && (
        <div className="notice notice-error" role="alert">
          {failure.message}
        </div>
      )}
      <div className="alert-actions">
        {canAcknowledge && alert.status === 'open' && (
          <button
            type="button"
            className="button button-primary"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate(id)}
          >
            {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        )}
        {canAcknowledge && alert.status !== 'resolved' && (
          <form className="inline-form resolve-form" onSubmit={onResolve}>
            <label htmlFor="resolve-note">What was done</label>
            <input
              id="resolve-note"
              value={note}
              maxLength={2000}
              placeholder="e.g. Safeguarding lead called the family"
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="submit" className="button" disabled={!note.trim() || resolve.isPending}>
              Resolve
            </button>
          </form>
        )}
      </div>
      {alert.resolutionNote && (
        <p>
          <strong>Resolved:</strong> {alert.resolutionNote}
        </p>
      )}
      <section className="detail-section">
        <h3 className="small-heading">Timeline</h3>
        <AlertTimeline events={alert.timeline} />
      </section>
    </article>
  );
}
