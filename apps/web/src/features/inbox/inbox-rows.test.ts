import { describe, expect, test } from 'vitest';
import {
  anchorAt,
  anchoredScrollTop,
  buildInboxRows,
  firstNewRowIndex,
  needsAttention,
  ROW_HEIGHT,
  rowStart,
} from './inbox-rows.ts';
import { testMention } from './test-mention.ts';

const keys = (rows: ReturnType<typeof buildInboxRows>) => rows.map((r) => r.key);

describe('buildInboxRows', () => {
  test('urgent mentions are pinned above the chronological stream, each shown once', () => {
    const mentions = [
      testMention(6),
      testMention(5, { flags: { urgent: true } }),
      testMention(4),
      testMention(3, { flags: { urgent: true } }),
    ];
    expect(keys(buildInboxRows(mentions))).toEqual([
      'h:attention',
      'm:5',
      'm:3',
      'h:latest',
      'm:6',
      'm:4',
    ]);
  });

  test('safeguarding outranks patient safety, which outranks plain urgency', () => {
    const mentions = [
      testMention(9, { flags: { urgent: true } }),
      testMention(8, { flags: { patientSafety: true } }),
      testMention(7, { flags: { safeguarding: true } }),
    ];
    expect(keys(buildInboxRows(mentions))).toEqual(['h:attention', 'm:7', 'm:8', 'm:9']);
  });

  test('a complaint alone is not pinned', () => {
    expect(needsAttention(testMention(1, { flags: { complaint: true } }))).toBe(false);
    expect(keys(buildInboxRows([testMention(1, { flags: { complaint: true } })]))).toEqual([
      'h:latest',
      'm:1',
    ]);
  });

  test('beyond the preview, attention items stay in the stream in time order, each once', () => {
    const mentions = [5, 4, 3, 2, 1].map((id) => testMention(id, { flags: { urgent: id !== 4 } }));
    const rows = buildInboxRows(mentions, { attentionLimit: 2 });
    expect(keys(rows)).toEqual(['h:attention', 'm:5', 'm:3', 'h:latest', 'm:4', 'm:2', 'm:1']);
    expect(rows[0]).toMatchObject({ count: 4, hidden: 2 });
    const all = buildInboxRows(mentions, { attentionLimit: 2, showAllAttention: true });
    expect(keys(all)).toEqual(['h:attention', 'm:5', 'm:3', 'm:2', 'm:1', 'h:latest', 'm:4']);
    expect(all[0]).toMatchObject({ count: 4, hidden: 0 });
  });

  test('group headers carry their counts and empty groups have no header', () => {
    const rows = buildInboxRows([testMention(2), testMention(1)]);
    expect(rows[0]).toMatchObject({ kind: 'header', group: 'latest', count: 2 });
    expect(buildInboxRows([])).toEqual([]);
  });
});

describe('scroll anchoring', () => {
  test('row starts add up the fixed heights of the rows above', () => {
    const rows = buildInboxRows([testMention(3), testMention(2), testMention(1)]);
    expect(rowStart(rows, 0)).toBe(0);
    expect(rowStart(rows, 2)).toBe(ROW_HEIGHT.header + ROW_HEIGHT.mention);
  });

  test('new rows above the anchor move the scroll position down by their height', () => {
    const before = buildInboxRows([testMention(3), testMention(2), testMention(1)]);
    const top = rowStart(before, 3) + 10;
    const after = buildInboxRows([
      testMention(5),
      testMention(4),
      ...[3, 2, 1].map((id) => testMention(id)),
    ]);
    expect(anchoredScrollTop(after, 'm:1', 10)).toBe(top + 2 * ROW_HEIGHT.mention);
  });

  test('a new pinned group above the anchor adds its header too', () => {
    const before = buildInboxRows([testMention(2), testMention(1)]);
    const top = rowStart(before, 2);
    const after = buildInboxRows([
      testMention(3, { flags: { urgent: true } }),
      testMention(2),
      testMention(1),
    ]);
    expect(anchoredScrollTop(after, 'm:1', 0)).toBe(top + ROW_HEIGHT.header + ROW_HEIGHT.mention);
  });

  test('an anchor that vanished leaves the list where it is', () => {
    expect(anchoredScrollTop(buildInboxRows([testMention(1)]), 'm:99', 0)).toBeNull();
  });
});

test('the anchor is the row at the top edge of the view, with the part scrolled past', () => {
  const rows = buildInboxRows([testMention(3), testMention(2), testMention(1)]);
  expect(anchorAt(rows, 0)).toEqual({ key: 'h:latest', offsetInView: 0 });
  expect(anchorAt(rows, ROW_HEIGHT.header + ROW_HEIGHT.mention + 5)).toEqual({
    key: 'm:2',
    offsetInView: 5,
  });
  expect(anchorAt(rows, 1_000_000)).toBeNull();
});

test('anchoring round-trips: a view keeps its anchor row in place when rows are prepended', () => {
  const before = buildInboxRows([testMention(3), testMention(2), testMention(1)]);
  const scrollTop = 150;
  const anchor = anchorAt(before, scrollTop)!;
  const after = buildInboxRows([
    testMention(4, { flags: { urgent: true } }),
    ...[3, 2, 1].map((id) => testMention(id)),
  ]);
  const next = anchoredScrollTop(after, anchor.key, anchor.offsetInView)!;
  expect(anchorAt(after, next)).toEqual(anchor);
});

test('the pill jumps to the first newer mention, or to its group header when it leads the group', () => {
  const mentions = [
    testMention(9),
    testMention(8, { flags: { urgent: true } }),
    testMention(7),
    testMention(6),
  ];
  const rows = buildInboxRows(mentions);
  // rows: h:attention, m:8, h:latest, m:9, m:7, m:6
  expect(firstNewRowIndex(rows, 8)).toBe(2);
  expect(firstNewRowIndex(rows, 7)).toBe(0);
  expect(firstNewRowIndex(rows, 9)).toBe(0);
  expect(firstNewRowIndex(rows, null)).toBe(0);
  const plain = buildInboxRows([testMention(3), testMention(2), testMention(1)]);
  expect(firstNewRowIndex(plain, 2)).toBe(0);
});

test('an urgent story told by four outlets is pinned once, with its copies folded under it', () => {
  const urgent = (id: number) =>
    testMention(id, { flags: { urgent: true }, story: { id: 1, copies: 3, sources: 3 } });
  const mentions = [urgent(4), urgent(3), testMention(2), urgent(1)];
  const folded = buildInboxRows(mentions);
  expect(folded.map((r) => r.key)).toEqual(['h:attention', 'm:4', 'h:latest', 'm:2']);
  expect(folded[0]).toMatchObject({ count: 1, hidden: 0 });
  const open = buildInboxRows(mentions, { expandedStories: new Set([1]) });
  expect(open.map((r) => r.key)).toEqual(['h:attention', 'm:4', 'm:3', 'm:1', 'h:latest', 'm:2']);
});
