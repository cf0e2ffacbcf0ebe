import { expect, test } from 'vitest';
import type { Signal } from './detect-subject.ts';
import type { EmergingIssue } from './issue-lifecycle.ts';
import { subjectTicks } from './subjects.ts';

const counts = { authors: 2, mentions: 2, negative: 1, safety: 0 };
const signal = { hour: 103, windowHours: 1, authors: 9 } as Signal;
const openFood: EmergingIssue = {
  subject: { kind: 'topic', key: 'Food' },
  status: 'open',
  severity: 'watch',
  trigger: 'spike',
  openedAt: 0,
  updatedAt: 0,
  closedAt: null,
  lastSignalHour: 103,
  signalHours: 1,
  peakAuthors: 9,
  reportedPeak: 9,
  latest: signal,
};

test('every subject with activity or an open issue gets a dense series up to the current hour', () => {
  const ticks = subjectTicks({
    rollups: [
      { subject: { kind: 'topic', key: 'Parking' }, hour: 101, ...counts },
      { subject: { kind: 'topic', key: 'Parking' }, hour: 104, ...counts },
    ],
    open: [{ id: 7, label: 'Food and drink', issue: openFood }],
    startHour: 100,
    currentHour: 105,
  });
  expect(ticks.map((t) => [t.subject.key, t.label, t.storedId])).toEqual([
    ['Parking', 'Parking', null],
    ['Food', 'Food and drink', 7],
  ]);
  expect(ticks[0]!.series.counts.map((c) => c.authors)).toEqual([0, 2, 0, 0, 2, 0]);
  // A silent subject with an open issue is still judged, so its issue can close.
  expect(ticks[1]!.series.counts.every((c) => c.authors === 0)).toBe(true);
  expect(ticks[1]!.issue).toBe(openFood);
});
