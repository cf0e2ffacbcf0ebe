import type { IssueDto, SentimentLabel, ThreadEscalationDto } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { SentimentBadge } from '../../components/SentimentBadge.tsx';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { useNow } from '../../lib/use-now.ts';
import { useSession } from '../session/use-session.ts';
import { inboxLinkFor, issueSummary, threadLevelText } from './issue-view.ts';
import { useIssueTriage } from './use-issue-triage.ts';
import { useIssues } from './use-issues.ts';

const LABELS: readonly string[] = ['negative', 'neutral', 'positive'];

function TriageActions({ issue }: { issue: IssueDto }) {
  const triage = useIssueTriage();
  const send = (action: 'acknowledge' | 'known' | 'dismiss') =>
    triage.mutate({ id: issue.id, body: { action } });
  return (
    <div className="issue-actions">
      {issue.acknowledged ? (
        <span className="muted small">Acknowledged</span>
      ) : (
        <button
          type="button"
          className="button"
          disabled={triage.isPending}
          onClick={() => send('acknowledge')}
        >
          Acknowledge
        </button>
      )}
      <button
        type="button"
        className="button secondary"
        disabled={triage.isPending}
        onClick={() => send('known')}
        title="Hide it for a day: we already know about this"
      >
        Mark as known for a day
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={triage.isPending}
        onClick={() => send('dismiss')}
      >
        Dismiss as noise
      </button>
      {triage.isError && (
        <span className="notice-error small" role="alert">
          That did not save. Please try again.
        </span>
      )}
    </div>
  );
}

function IssueCard({ issue, now, canTriage }: { issue: IssueDto; now: Date; canTriage: boolean }) {
  const summary = issueSummary(issue);
  const inbox = inboxLinkFor(issue);
  return (
    <article className={`card issue issue-${issue.severity}`} data-testid="issue-card">
      <header className="issue-header">
        <span className={`badge issue-severity issue-severity-${issue.severity}`}>
          {summary.severity}
        </span>
        <h2>{issue.title}</h2>
      </header>
      <p className="issue-explanation">{issue.explanation}</p>
      <p className="muted small">
        {summary.kind} · {summary.peak} · opened <TimeStamp value={issue.openedAt} now={now} />
      </p>
      {issue.mentions.length > 0 && (
        <ul className="issue-mentions">
          {issue.mentions.map((m) => (
            <li key={m.id}>
              {LABELS.includes(m.sentimentLabel) && (
                <SentimentBadge label={m.sentimentLabel as SentimentLabel} />
              )}{' '}
              <span className="muted small">
                {m.sourceName}
                {m.author ? ` · ${m.author}` : ''} ·{' '}
                <TimeStamp value={m.publishedAt} now={now} compact />
              </span>
              <p className="issue-mention-text">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
      {inbox && <Link to={inbox}>See these mentions in the inbox</Link>}
      {canTriage && <TriageActions issue={issue} />}
    </article>
  );
}

function ThreadCard({ thread, now }: { thread: ThreadEscalationDto; now: Date }) {
  return (
    <article className={`card issue issue-${thread.level}`} data-testid="thread-card">
      <header className="issue-header">
        <span className={`badge issue-severity issue-severity-${thread.level}`}>
          {threadLevelText(thread.level)}
        </span>
        <h3>{thread.title}</h3>
      </header>
      <p className="issue-explanation">{thread.explanation}</p>
      <p className="muted small">
        Conversation on {thread.sourceName}
        {thread.escalatedAt && (
          <>
            {' '}
            · rose <TimeStamp value={thread.escalatedAt} now={now} />
          </>
        )}
      </p>
    </article>
  );
}

export function IssuesPage() {
  const issues = useIssues();
  const now = useNow();
  const session = useSession();
  const canTriage = (session.data?.permissions ?? []).includes('issues.triage');
  return (
    <div className="page issues-page">
      <h1 className="page-title">Emerging issues</h1>
      {issues.isError && (
        <div className="notice notice-error" role="alert">
          Could not load the emerging issues. The page will try again in a minute.
        </div>
      )}
      {/* Conversations first: one getting hotter by the minute needs an answer soonest. */}
      {issues.data && issues.data.threads.length > 0 && (
        <section className="issue-threads" aria-label="Conversations getting hotter">
          <h2 className="section-title">Conversations getting hotter</h2>
          <div className="issue-list">
            {issues.data.threads.map((t) => (
              <ThreadCard key={`${t.sourceId}-${t.rootId}`} thread={t} now={now} />
            ))}
          </div>
        </section>
      )}
      {issues.isPending ? (
        <p className="empty">Loading emerging issues…</p>
      ) : issues.data && issues.data.items.length === 0 ? (
        <p className="empty" data-testid="issues-empty">
          Nothing unusual right now. Issues appear here when a topic gets suddenly busier or more
          negative than usual.
        </p>
      ) : (
        <div className="issue-list">
          {(issues.data?.items ?? []).map((issue) => (
            <IssueCard key={issue.id} issue={issue} now={now} canTriage={canTriage} />
          ))}
        </div>
      )}
    </div>
  );
}
