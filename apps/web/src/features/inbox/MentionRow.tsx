import type { MentionDto } from '@barometer/core';
import { type KeyboardEvent, memo } from 'react';
import { FlagBadges } from '../../components/FlagBadges.tsx';
import { SentimentBadge } from '../../components/SentimentBadge.tsx';
import { TimeStamp } from '../../components/TimeStamp.tsx';
import { TopicChips } from '../../components/TopicChips.tsx';
import { Untrusted, untrustedBlock } from '../../components/Untrusted.tsx';
import { alsoInText, type StoryPlace } from './story-groups.ts';

export interface MentionRowProps {
  mention: MentionDto;
  index: number;
  setSize: number;
  selected: boolean;
  fresh: boolean;
  now: Date;
  onOpen: (id: number) => void;
  onMove: (fromIndex: number, step: 1 | -1) => void;
  /** Where it sits in a story told in several places, if it does. */
  story?: StoryPlace | null;
  onToggleStory?: (storyId: number) => void;
}

/** One inbox line: who and where, how it feels, what it flags, and the first words. */
export const MentionRow = memo(function MentionRow({
  mention,
  index,
  setSize,
  selected,
  fresh,
  now,
  onOpen,
  onMove,
  story,
  onToggleStory,
}: MentionRowProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(mention.id);
    } else if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      onMove(index, 1);
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      onMove(index, -1);
    }
  };
  const titleId = `mention-${mention.id}-title`;
  const classes = [
    'mention-row',
    `is-${mention.sentimentLabel}`,
    selected ? 'is-selected' : '',
    fresh ? 'is-fresh' : '',
    story?.role === 'copy' ? 'is-story-copy' : '',
  ].join(' ');
  return (
    <article
      className={classes}
      data-testid="mention-row"
      data-mention-id={mention.id}
      data-row-index={index}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: an ARIA feed is made of focusable articles.
      tabIndex={0}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      aria-labelledby={titleId}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onOpen(mention.id)}
      onKeyDown={onKeyDown}
    >
      <div className="row-line row-meta">
        <FlagBadges mention={mention} />
        <SentimentBadge label={mention.sentimentLabel} score={mention.sentimentScore} />
        <span className="row-source" title={mention.sourceName}>
          <Untrusted text={mention.sourceName} />
          {mention.author ? (
            <span className="muted">
              {' '}
              · <Untrusted text={mention.author} />
            </span>
          ) : null}
        </span>
        {story?.role === 'lead' && onToggleStory && (
          <button
            type="button"
            className="link-button row-story"
            aria-expanded={story.expanded}
            onClick={(event) => {
              event.stopPropagation();
              onToggleStory(story.storyId);
            }}
            onKeyDown={(event) => event.stopPropagation()}
          >
            {story.expanded ? 'Hide copies' : alsoInText(story)}
          </button>
        )}
        {story?.role === 'copy' && <span className="muted small row-story">Same story</span>}
        <span className="row-time">
          <TimeStamp value={mention.publishedAt ?? mention.fetchedAt} now={now} compact />
        </span>
      </div>
      <h3 className="row-title" id={titleId} dir="auto">
        {untrustedBlock(mention.title || mention.text.slice(0, 300) || 'Untitled')}
      </h3>
      <div className="row-line row-body">
        <span className="row-snippet" dir="auto">
          {mention.title ? untrustedBlock(mention.text.slice(0, 300)) : ''}
        </span>
        <TopicChips topics={mention.topics} max={3} />
      </div>
    </article>
  );
});
