import { SentimentBadge } from '../../components/SentimentBadge.tsx';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { threadHeadline, threadRows } from './thread-rows.ts';
import { useThread } from './use-thread.ts';

export interface ThreadViewProps {
  mentionId: number;
  now: Date;
}

/**
 * The conversation around a mention: the tree with the opened post highlighted, who speaks, each
 * reply's label and flags, the trust's own replies marked. Text only, never the platform's HTML.
 */
export function ThreadView({ mentionId, now }: ThreadViewProps) {
  const thread = useThread(mentionId, true);
  if (thread.isPending) return <p className="muted">Loading the conversation…</p>;
  if (thread.isError)
    return <p className="muted">The conversation could not be loaded. Try again in a moment.</p>;
  const rows = threadRows(thread.data);
  return (
    <div className="thread" data-testid="thread-view">
      <p className="muted small">{threadHeadline(thread.data)}</p>
      {thread.data.fetchProblem && (
        <p className="muted small">
          Showing what Barometer already has: {thread.data.fetchProblem}.
        </p>
      )}
      <ol className="thread-tree">
        {rows.map((row) => (
          <li
            key={row.key}
            className={`thread-post${row.isFocus ? ' thread-focus' : ''}${row.isTrust ? ' thread-trust' : ''}`}
            style={{ marginInlineStart: `${row.indent * 1.25}rem` }}
            aria-current={row.isFocus ? 'true' : undefined}
          >
            <div className="thread-meta">
              <strong>{row.speaker}</strong>{' '}
              <span className="muted small">
                <TimeStamp value={row.publishedAt} now={now} />
              </span>{' '}
              {row.label && <SentimentBadge label={row.label} />}
              {row.flagLabels.map((flag) => (
                <span key={flag} className="badge flag">
                  {flag}
                </span>
              ))}
            </div>
            <p className="content-text">{row.text}</p>
            {row.notes.length > 0 && <p className="muted small">{row.notes.join(' · ')}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}
