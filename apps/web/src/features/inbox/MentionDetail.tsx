import type { MentionDto } from '@barometer/core';
import { useEffect, useRef, useState } from 'react';
import { FlagBadges } from '../../components/FlagBadges.tsx';
import { activeFlags } from '../../components/flags.ts';
import { SentimentBadge } from '../../components/SentimentBadge.tsx';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { TopicChips } from '../../components/TopicChips.tsx';
import { Untrusted, untrustedBlock } from '../../components/Untrusted.tsx';
import { ThreadView } from '../threads/ThreadView.tsx';
import { highlightSegments } from './highlight-segments.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface MentionDetailProps {
  mention: MentionDto;
  now: Date;
  onClose: () => void;
}

/**
 * Everything known about one mention. All of it is untrusted text from the outside world, so it is
 * rendered as React text nodes only: no HTML from the feed, and so no third-party images load.
 */
export function MentionDetail({ mention, now, onClose }: MentionDetailProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const [showThread, setShowThread] = useState(false);
  useEffect(() => {
    closeRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const link = safeHttpUrl(mention.url);
  const flags = activeFlags(mention);
  const hasImages = mention.html !== null && /<img\b/i.test(mention.html);

  return (
    <aside className="detail" data-testid="mention-detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <div className="detail-source">
          <strong>
            <Untrusted text={mention.sourceName} />
          </strong>
          {mention.author ? (
            <span className="muted">
              {' '}
              · <Untrusted text={mention.author} />
            </span>
          ) : null}
        </div>
        <button ref={closeRef} type="button" className="icon-button" onClick={onClose}>
          <span aria-hidden="true">✕</span>
          <span className="visually-hidden">Close details</span>
        </button>
      </header>

      <h2 id="detail-title" className="detail-title" dir="auto">
        {untrustedBlock(mention.title || 'Untitled mention')}
      </h2>

      <div className="judgement" data-testid="mention-judgement">
        {/* The flags come before the label: a safeguarding signal matters more than the mood. */}
        <FlagBadges mention={mention} />
        <SentimentBadge label={mention.sentimentLabel} score={mention.sentimentScore} />
        {mention.scoreSummary && <p className="judgement-summary">{mention.scoreSummary}</p>}
      </div>

      <dl className="facts">
        <dt>Published</dt>
        <dd>
          <TimeStamp value={mention.publishedAt} now={now} />
        </dd>
        <dt>Fetched</dt>
        <dd>
          <TimeStamp value={mention.fetchedAt} now={now} />
        </dd>
        <dt>Link</dt>
        <dd>
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer" className="break">
              {link}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span className="muted">{mention.url ? 'not a web link' : 'none'}</span>
          )}
        </dd>
        <dt>Sentiment</dt>
        <dd>
          <SentimentBadge label={mention.sentimentLabel} score={mention.sentimentScore} /> score{' '}
          {mention.sentimentScore.toFixed(2)}, confidence{' '}
          {Math.round(mention.sentimentConfidence * 100)}%
        </dd>
        <dt>Topics</dt>
        <dd>
          {mention.topics.length > 0 ? (
            <TopicChips topics={mention.topics} />
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
        <dt>Thread</dt>
        <dd className="break">
          {mention.rootExternalId || mention.parentExternalId ? (
            <span>A reply in a conversation</span>
          ) : (
            <span className="muted">Not a reply</span>
          )}
        </dd>
      </dl>

      <section className="detail-section">
        <h3>Conversation</h3>
        {showThread ? (
          <ThreadView mentionId={mention.id} now={now} />
        ) : (
          <button type="button" className="button" onClick={() => setShowThread(true)}>
            Show the conversation
          </button>
        )}
      </section>

      {flags.length > 0 && (
        <section className="detail-section">
          <h3>Flags</h3>
          <ul className="flag-list">
            {flags.map((flag) => (
              <li key={flag.key}>
                <span className={`badge flag flag-${flag.key}`}>{flag.label}</span>{' '}
                {flag.evidence.length > 0 ? (
                  <span>because of: {flag.evidence.map((e) => `“${e}”`).join(', ')}</span>
                ) : (
                  <span className="muted">no evidence recorded</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="detail-section">
        <h3>Content</h3>
        {mention.textView === 'redacted' && (
          <p className="muted small" data-testid="redacted-note">
            Patient details (NHS numbers, phone numbers, addresses) are hidden for your role.
          </p>
        )}
        <p className="content-text" dir="auto">
          {mention.text
            ? highlightSegments(mention.text, mention.highlights).map((segment, i) =>
                segment.label ? (
                  // Segments never move, so their position is a stable key.
                  <mark key={`${i}:${segment.label}`} className={`hl hl-${segment.label}`}>
                    {segment.text}
                  </mark>
                ) : (
                  <span key={`${i}:plain`}>{segment.text}</span>
                ),
              )
            : 'No text.'}
        </p>
        {hasImages && (
          <p className="muted small">
            This item contains images. They are not loaded here; open the link to see them.
          </p>
        )}
      </section>

      <details className="detail-section">
        <summary>How the scorer reached this (details)</summary>
        {mention.explanation.length > 0 ? (
          <ul className="explanation">
            {mention.explanation.map((line, i) => (
              // Lines may repeat (the same word twice), so position is part of the key.
              <li key={`${i}:${line}`}>{line}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">No scoring words found.</p>
        )}
        <p className="muted small">Scorer {mention.scorerVersion}</p>
      </details>
    </aside>
  );
}
