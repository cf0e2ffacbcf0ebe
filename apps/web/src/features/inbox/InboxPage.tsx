import type { MentionDto } from '@barometer/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { queryKeys } from '../../lib/query-keys.ts';
import { useNow } from '../../lib/use-now.ts';
import { useSources } from '../sources/use-sources.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { buildInboxRows } from './inbox-rows.ts';
import { useLiveState, useLiveStore } from './live-context.tsx';
import { MentionDetail } from './MentionDetail.tsx';
import { MentionList } from './MentionList.tsx';
import {
  filtersFromSearch,
  filtersToSearch,
  type MentionFilters,
  matchesFilters,
  mentionFromSearch,
  normaliseFilters,
} from './mention-filter.ts';
import { collectTopics, countNewer, highestId, mergeMentions } from './merge-mentions.ts';
import { useMention } from './use-mention.ts';
import { useMentions } from './use-mentions.ts';

export function InboxPage() {
  const [filters, setFiltersState] = useState<MentionFilters>(() =>
    filtersFromSearch(window.location.search),
  );
  const setFilters = useCallback((next: MentionFilters) => {
    const normalised = normaliseFilters(next);
    setFiltersState(normalised);
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${filtersToSearch(normalised)}`,
    );
  }, []);

  const mentions = useMentions(filters);
  const sources = useSources();
  const live = useLiveState();
  const liveStore = useLiveStore();
  const queryClient = useQueryClient();
  const now = useNow();

  const paged = useMemo(() => mentions.data?.pages.flatMap((p) => p.items) ?? [], [mentions.data]);
  const liveMatching = useMemo(
    () => live.mentions.filter((m) => matchesFilters(m, filters)),
    [live.mentions, filters],
  );
  const merged = useMemo(() => mergeMentions(paged, liveMatching), [paged, liveMatching]);
  const [showAllAttention, setShowAllAttention] = useState(false);
  const [expandedStories, setExpandedStories] = useState<ReadonlySet<number>>(() => new Set());
  const toggleStory = useCallback((storyId: number) => {
    setExpandedStories((open) => {
      const next = new Set(open);
      if (!next.delete(storyId)) next.add(storyId);
      return next;
    });
  }, []);
  const rows = useMemo(
    () => buildInboxRows(merged, { showAllAttention, expandedStories }),
    [merged, showAllAttention, expandedStories],
  );
  const topics = useMemo(() => collectTopics(merged), [merged]);

  // The live socket opens once the first page is in, resuming after its newest id.
  const firstPageLoaded = mentions.isSuccess;
  useEffect(() => {
    const maxId = highestId(paged);
    liveStore.noteLoaded(maxId);
    if (firstPageLoaded) liveStore.connect(maxId);
  }, [firstPageLoaded, paged, liveStore]);

  // A back-fill that hit the server's cap may have skipped items: reload the pages.
  const gapCount = live.gapCount;
  useEffect(() => {
    if (gapCount > 0) void queryClient.invalidateQueries({ queryKey: queryKeys.mentions.all });
  }, [gapCount, queryClient]);

  const [atTop, setAtTop] = useState(true);
  const [seenMaxId, setSeenMaxId] = useState<number | null>(null);
  const newestId = merged[0]?.id ?? null;
  useEffect(() => {
    if (atTop && newestId !== null) setSeenMaxId(newestId);
  }, [atTop, newestId]);
  const newCount = atTop ? 0 : countNewer(merged, seenMaxId);

  const [selectedId, setSelectedId] = useState<number | null>(() =>
    mentionFromSearch(window.location.search),
  );
  const lastSelected = useRef<MentionDto | null>(null);
  // A mention opened from a link may be older than the pages loaded: fetch it on its own.
  const linked = useMention(
    selectedId !== null && !merged.some((m) => m.id === selectedId) ? selectedId : null,
  );
  const selected =
    selectedId === null
      ? null
      : (merged.find((m) => m.id === selectedId) ??
        (linked.data?.id === selectedId ? linked.data : lastSelected.current));
  lastSelected.current = selected;
  const closeDetail = useCallback(() => {
    const id = selectedId;
    setSelectedId(null);
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLElement>(`[data-testid="mention-row"][data-mention-id="${id}"]`)
        ?.focus(),
    );
  }, [selectedId]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = mentions;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <div className={`inbox ${selected ? 'has-detail' : ''}`}>
      <section className="inbox-main" aria-label="Live inbox">
        <div className="inbox-toolbar">
          <h1 className="page-title">Inbox</h1>
          <InboxFilters
            filters={filters}
            sources={sources.data ?? []}
            topics={topics}
            onChange={setFilters}
          />
          <span className="muted small inbox-count" aria-live="polite">
            {merged.length.toLocaleString('en-GB')} shown
          </span>
        </div>
        {mentions.isError ? (
          <div className="notice notice-error" role="alert">
            Could not load mentions: {mentions.error.message}{' '}
            <button type="button" className="link-button" onClick={() => void mentions.refetch()}>
              Try again
            </button>
          </div>
        ) : null}
        {mentions.isPending ? (
          <div className="empty">Loading mentions…</div>
        ) : merged.length === 0 && !mentions.isError ? (
          <div className="empty" data-testid="inbox-list">
            No mentions {Object.keys(filters).length > 0 ? 'match these filters' : 'yet'}. New ones
            will appear here as they arrive.
          </div>
        ) : (
          <MentionList
            rows={rows}
            selectedId={selectedId}
            arrivedAt={live.arrivedAt}
            newCount={newCount}
            seenMaxId={seenMaxId}
            showAllAttention={showAllAttention}
            now={now}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            onOpen={setSelectedId}
            onAtTopChange={setAtTop}
            onSeenNew={() => setSeenMaxId(newestId)}
            onToggleAttention={() => setShowAllAttention((v) => !v)}
            onToggleStory={toggleStory}
          />
        )}
      </section>
      {selected && (
        <MentionDetail key={selected.id} mention={selected} now={now} onClose={closeDetail} />
      )}
    </div>
  );
}
