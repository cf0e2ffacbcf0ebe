import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  anchorAt,
  anchoredScrollTop,
  firstNewRowIndex,
  type InboxRow,
  ROW_HEIGHT,
} from './inbox-rows.ts';
import { MentionRow } from './MentionRow.tsx';

/** How close to the top counts as "at the top": new items then simply appear. */
const TOP_SLACK_PX = 8;
/** How long a new item keeps its highlight. */
const FRESH_MS = 4000;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 15;

export interface MentionListProps {
  rows: readonly InboxRow[];
  selectedId: number | null;
  arrivedAt: ReadonlyMap<number, number>;
  newCount: number;
  seenMaxId: number | null;
  showAllAttention: boolean;
  now: Date;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: number) => void;
  onAtTopChange: (atTop: boolean) => void;
  /** The officer jumped to the new items: they count as seen. */
  onSeenNew: () => void;
  onToggleAttention: () => void;
  onToggleStory: (storyId: number) => void;
}

const GROUP_TITLE = { attention: 'Needs attention', latest: 'Latest' } as const;

/**
 * The virtual inbox: only the rows in view (plus a margin) are in the DOM, so 10,000 mentions
 * scroll like 50. When rows arrive above an officer who has scrolled down, the view is re-anchored
 * on the row they were reading, and a pill offers to jump up to the new ones.
 */
export function MentionList(props: MentionListProps) {
  const { rows, onAtTopChange, hasMore, loadingMore, onLoadMore } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const previousRows = useRef<readonly InboxRow[]>(rows);
  const [atTop, setAtTop] = useState(true);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHT[rows[index]?.kind ?? 'mention'],
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 12,
  });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    const before = previousRows.current;
    previousRows.current = rows;
    if (!element || before === rows || element.scrollTop <= TOP_SLACK_PX) return;
    const anchor = anchorAt(before, element.scrollTop);
    if (!anchor) return;
    const next = anchoredScrollTop(rows, anchor.key, anchor.offsetInView);
    if (next !== null && Math.abs(next - element.scrollTop) >= 1) {
      element.scrollTop = next;
      virtualizer.scrollToOffset(next);
    }
  }, [rows, virtualizer]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const top = element.scrollTop <= TOP_SLACK_PX;
    setAtTop((was) => {
      if (was !== top) onAtTopChange(top);
      return top;
    });
  }, [onAtTopChange]);

  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasMore && !loadingMore && rows.length > 0 && lastIndex >= rows.length - PREFETCH_ROWS) {
      onLoadMore();
    }
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  const mentionCount = useMemo(
    () => rows.reduce((n, row) => n + (row.kind === 'mention' ? 1 : 0), 0),
    [rows],
  );

  const focusRow = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
      });
    },
    [virtualizer],
  );

  const onMove = useCallback(
    (from: number, step: 1 | -1) => {
      for (let i = from + step; i >= 0 && i < rows.length; i += step) {
        if (rows[i]?.kind === 'mention') return focusRow(i);
      }
    },
    [rows, focusRow],
  );

  const jumpToNew = () => {
    const index = firstNewRowIndex(rows, props.seenMaxId);
    if (index === 0) virtualizer.scrollToOffset(0, { behavior: 'smooth' });
    else virtualizer.scrollToIndex(index, { align: 'start', behavior: 'smooth' });
    props.onSeenNew();
  };

  const freshSince = Date.now() - FRESH_MS;
  const total = virtualizer.getTotalSize();

  return (
    <div className="inbox-list-wrap">
      {!atTop && props.newCount > 0 && (
        <button type="button" className="new-pill" onClick={jumpToNew}>
          <span aria-hidden="true">↑</span> {props.newCount} new mention
          {props.newCount === 1 ? '' : 's'}
        </button>
      )}
      <div
        ref={scrollRef}
        className="inbox-scroll"
        data-testid="inbox-list"
        role="feed"
        aria-busy={loadingMore}
        aria-label="Mentions"
        onScroll={onScroll}
      >
        <div className="inbox-canvas" style={{ height: total + 56 }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const style = { transform: `translateY(${item.start}px)`, height: item.size };
            if (row.kind === 'header') {
              return (
                <h2 key={item.key} className={`group-header group-${row.group}`} style={style}>
                  {row.group === 'attention' && <span aria-hidden="true">⚑ </span>}
                  {GROUP_TITLE[row.group]} <span className="group-count">{row.count}</span>
                  {row.group === 'attention' && (row.hidden > 0 || props.showAllAttention) && (
                    <button
                      type="button"
                      className="link-button group-toggle"
                      aria-expanded={props.showAllAttention}
                      onClick={props.onToggleAttention}
                    >
                      {props.showAllAttention ? 'Show fewer' : `Show all ${row.count}`}
                      {!props.showAllAttention && (
                        <span className="visually-hidden">
                          ({row.hidden} more are in the stream below)
                        </span>
                      )}
                    </button>
                  )}
                </h2>
              );
            }
            const arrived = props.arrivedAt.get(row.mention.id);
            return (
              <div key={item.key} className="row-slot" style={style}>
                <MentionRow
                  mention={row.mention}
                  index={item.index}
                  setSize={mentionCount}
                  selected={row.mention.id === props.selectedId}
                  fresh={arrived !== undefined && arrived >= freshSince}
                  now={props.now}
                  onOpen={props.onOpen}
                  onMove={onMove}
                  story={row.story}
                  onToggleStory={props.onToggleStory}
                />
              </div>
            );
          })}
          <div className="inbox-footer" style={{ transform: `translateY(${total}px)` }}>
            {loadingMore
              ? 'Loading older mentions…'
              : hasMore
                ? ''
                : rows.length > 0
                  ? 'You have reached the oldest mention.'
                  : ''}
          </div>
        </div>
      </div>
    </div>
  );
}
