import type { IssueDto } from '@barometer/core';
import { describe, expect, test } from 'vitest';
import { inboxLinkFor, issueSummary, threadLevelText } from './issue-view.ts';

const issue: IssueDto = {
  id: 1,
  title: 'Parking: a surge of mentions',
  kind: 'topic',
  label: 'Car parks & parking',
  severity: 'page',
  explanation: '25 people posted about Parking in the last 3 hours.',
  openedAt: '2026-03-03T14:00:00.000Z',
  updatedAt: '2026-03-03T14:10:00.000Z',
  peakAuthors: 25,
  mentions: [],
  acknowledged: false,
};

describe('issue cards', () => {
  test('name the severity, the kind and the peak in plain words', () => {
    expect(issueSummary(issue)).toEqual({
      severity: 'On-call paged',
      kind: 'Topic',
      peak: '25 people at its peak',
    });
    expect(issueSummary({ ...issue, peakAuthors: 1, kind: 'term', severity: 'watch' })).toEqual({
      severity: 'Watch',
      kind: 'New word or phrase',
      peak: '1 person at its peak',
    });
  });

  test('link a topic issue to the inbox filtered to its topic, safely encoded', () => {
    expect(inboxLinkFor(issue)).toBe('/?topic=Car%20parks%20%26%20parking');
    expect(inboxLinkFor({ ...issue, kind: 'story' })).toBeNull();
  });
});

test('a conversation at alert reads as escalating and one at page says the on-call was paged', () => {
  expect(threadLevelText('alert')).toBe('Escalating');
  expect(threadLevelText('page')).toBe('On-call paged');
});
