import type { IssueDto, SentimentLabel } from '@barometer/core';
import { Link } from '../../components/Link.tsx';
import { SentimentBadge } from '../../components/SentimentBadge.tsx';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { useNow } from '../../lib/use-now.ts';
import { inboxLinkFor, issueSummary } from './issue-view.ts';
import { useIssues } from './use-issues.ts';

const LABELS: readonly string[] = ['negative', 'neutral', 'positive'];

function IssueCard({ issue, now }: { issue: IssueDto; now: Date }) {
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
    </article>
  );
}

export function IssuesPage() {
  const issues = useIssues();
  const now = useNow();
  return (
    <div className="page issues-page">
      <h1 className="page-title">Emerging issues</h1>
      {issues.isError && (
        <div className="notice notice-error" role="alert">
          Could not load the emerging issues. The page will try again in a minute.
        </div>
      )}
      {issues.isPending ? (
        <p className="empty">Loading emerging issues…</p>
      ) : issues.data && issues.data.length === 0 ? (
        <p className="empty" data-testid="issues-empty">
          Nothing unusual right now. Issues appear here when a topic gets suddenly busier or more
          negative than usual.
        </p>
      ) : (
        <div className="issue-list">
          {(issues.data ?? []).map((issue) => (
            <IssueCard key={issue.id} issue={issue} now={now} />
          ))}
        </div>
      )}
    </div>
  );
}
