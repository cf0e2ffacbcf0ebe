import type { MentionDto } from '@barometer/core';
import { foldStories, type StoryPlace } from './story-groups.ts';

export type InboxGroup = 'attention' | 'latest';

export type InboxRow =
  | { kind: 'header'; key: string; group: InboxGroup; count: number; hidden: number }
  | {
      kind: 'mention';
      key: string;
      group: InboxGroup;
      mention: MentionDto;
      /** Set in the stream when the mention leads or is a copy of a story told elsewhere too. */
      story?: StoryPlace | null;
    };

/**
 * A mention goes to the pinned "Needs attention" group when it is urgent or could mean harm to
 * someone (safeguarding, patient safety): those are the ones an officer must not scroll past.
 */
export function needsAttention(mention: MentionDto): boolean {
  return mention.flags.urgent || mention.flags.safeguarding || mention.flags.patientSafety;
}

/** How serious an attention item is: a safeguarding signal outranks patient safety, then urgency. */
function severity(mention: MentionDto): number {
  return (
    (mention.flags.safeguarding ? 4 : 0) +
    (mention.flags.patientSafety ? 2 : 0) +
    (mention.flags.urgent ? 1 : 0)
  );
}

/** Pinned items shown before "Show all": enough to act on, few enough to keep the stream in view. */
export const ATTENTION_PREVIEW = 5;

/**
 * The inbox as rows for the virtual list: the "Needs attention" group (most severe first, then
 * newest) pinned above the chronological stream of everything else, newest first. Unless
 * `showAllAttention`, only the first `attentionLimit` are pinned and the rest stay in the stream
 * in their chronological place (still badged), so each mention appears exactly once and none is
 * hidden. Input must already be newest first (see mergeMentions).
 */
export function buildInboxRows(
  mentions: readonly MentionDto[],
  options: {
    attentionLimit?: number;
    showAllAttention?: boolean;
    /** Stories the officer unfolded to see every copy. */
    expandedStories?: ReadonlySet<number>;
  } = {},
): InboxRow[] {
  const limit = options.showAllAttention
    ? Number.POSITIVE_INFINITY
    : (options.attentionLimit ?? ATTENTION_PREVIEW);
  const attention = mentions.filter(needsAttention);
  attention.sort((a, b) => severity(b) - severity(a) || b.id - a.id);
  // A story told by four outlets is pinned once; its copies fold under it (expandable).
  const foldedAttention = foldStories(attention, options.expandedStories);
  const pinned = foldedAttention.slice(0, limit);
  const pinnedIds = new Set(pinned.map((p) => p.mention.id));
  const pinnedStories = new Set(
    pinned.flatMap((p) => (p.story?.role === 'lead' ? [p.story.storyId] : [])),
  );
  const latest = mentions.filter(
    (m) => !pinnedIds.has(m.id) && !(needsAttention(m) && m.story && pinnedStories.has(m.story.id)),
  );

  const rows: InboxRow[] = [];
  if (pinned.length > 0) {
    rows.push({
      kind: 'header',
      key: 'h:attention',
      group: 'attention',
      count: foldedAttention.filter((p) => p.story?.role !== 'copy').length,
      hidden: foldedAttention.slice(limit).filter((p) => p.story?.role !== 'copy').length,
    });
    for (const { mention, story } of pinned) {
      rows.push({ kind: 'mention', key: `m:${mention.id}`, group: 'attention', mention, story });
    }
  }
  if (latest.length > 0) {
    rows.push({
      kind: 'header',
      key: 'h:latest',
      group: 'latest',
      count: latest.length,
      hidden: 0,
    });
    // The stream folds a story's copies into one row; pinned items are never folded away.
    for (const { mention, story } of foldStories(latest, options.expandedStories)) {
      rows.push({ kind: 'mention', key: `m:${mention.id}`, group: 'latest', mention, story });
    }
  }
  return rows;
}

export const ROW_HEIGHT = { header: 36, mention: 96 } as const;

/** Where a row starts in the list, in pixels (rows have a fixed height per kind). */
export function rowStart(rows: readonly InboxRow[], index: number): number {
  let offset = 0;
  for (let i = 0; i < index && i < rows.length; i++) {
    const row = rows[i];
    if (row) offset += ROW_HEIGHT[row.kind];
  }
  return offset;
}

/**
 * The scroll position that keeps the row with `anchorKey` exactly where it was on screen after the
 * rows changed, or null when that row is gone (then the list is left where it is).
 * `anchorOffsetInView` is how far the view started below that row's top (see anchorAt).
 */
export function anchoredScrollTop(
  rows: readonly InboxRow[],
  anchorKey: string,
  anchorOffsetInView: number,
): number | null {
  const index = rows.findIndex((row) => row.key === anchorKey);
  if (index < 0) return null;
  return Math.max(0, rowStart(rows, index) + anchorOffsetInView);
}

/** The row at the top edge of the view and how far the view starts below that row's top. */
export function anchorAt(
  rows: readonly InboxRow[],
  scrollTop: number,
): { key: string; offsetInView: number } | null {
  let start = 0;
  for (const row of rows) {
    const end = start + ROW_HEIGHT[row.kind];
    if (end > scrollTop) return { key: row.key, offsetInView: scrollTop - start };
    start = end;
  }
  return null;
}

/**
 * Where the "N new mentions" pill jumps: the first row holding a mention newer than `seenMaxId`
 * (or its group header, when it opens the group), or the top when nothing is newer.
 */
export function firstNewRowIndex(rows: readonly InboxRow[], seenMaxId: number | null): number {
  if (seenMaxId === null) return 0;
  const index = rows.findIndex((row) => row.kind === 'mention' && row.mention.id > seenMaxId);
  if (index < 0) return 0;
  return rows[index - 1]?.kind === 'header' ? index - 1 : index;
}
