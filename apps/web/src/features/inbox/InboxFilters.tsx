import { SENTIMENT_LABELS, type SentimentLabel, type SourceDto } from '@barometer/core';
import { useEffect, useState } from 'react';
import { describeExtraFilters, hasFilters, type MentionFilters } from './mention-filter.ts';

export interface InboxFiltersProps {
  filters: MentionFilters;
  sources: readonly SourceDto[];
  topics: readonly string[];
  onChange: (filters: MentionFilters) => void;
}

const LABEL_TEXT: Record<SentimentLabel, string> = {
  negative: 'Negative',
  neutral: 'Neutral',
  positive: 'Positive',
};

/** Typing a topic waits this long for a pause before asking the API again. */
const TOPIC_DEBOUNCE_MS = 300;

export function InboxFilters({ filters, sources, topics, onChange }: InboxFiltersProps) {
  const [topic, setTopic] = useState(filters.topic ?? '');
  useEffect(() => setTopic(filters.topic ?? ''), [filters.topic]);
  useEffect(() => {
    if ((filters.topic ?? '') === topic.trim()) return;
    const timer = setTimeout(
      () => onChange({ ...filters, topic: topic || undefined }),
      TOPIC_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [topic, filters, onChange]);
  return (
    <form className="filters" aria-label="Filter mentions" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Source</span>
        <select
          value={filters.sourceId ?? ''}
          onChange={(e) =>
            onChange({ ...filters, sourceId: e.target.value ? Number(e.target.value) : undefined })
          }
        >
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Sentiment</span>
        <select
          value={filters.label ?? ''}
          onChange={(e) =>
            onChange({
              ...filters,
              label: SENTIMENT_LABELS.find((l) => l === e.target.value),
            })
          }
        >
          <option value="">Any sentiment</option>
          {SENTIMENT_LABELS.map((label) => (
            <option key={label} value={label}>
              {LABEL_TEXT[label]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Topic</span>
        <input
          type="search"
          list="topic-options"
          placeholder="Any topic"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <datalist id="topic-options">
          {topics.map((topic) => (
            <option key={topic} value={topic} />
          ))}
        </datalist>
      </label>
      {describeExtraFilters(filters).map((chip) => (
        <span key={chip.key} className="filter-chip">
          {chip.text}
          <button
            type="button"
            className="filter-chip-remove"
            aria-label={`Remove the filter: ${chip.text}`}
            onClick={() => onChange({ ...filters, ...chip.remove })}
          >
            ×
          </button>
        </span>
      ))}
      {hasFilters(filters) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
