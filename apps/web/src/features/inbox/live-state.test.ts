import { LIVE_BACKFILL_LIMIT } from '@barometer/core';
import { expect, test } from 'vitest';
import { applyLiveEvents, initialLiveState, type LiveEvent } from './live-state.ts';
import { testMention } from './test-mention.ts';

const created = (id: number): LiveEvent => ({
  type: 'message',
  message: { type: 'mention.created', mention: testMention(id) },
});

test('live mentions are kept once each and the highest id is tracked', () => {
  const state = applyLiveEvents(initialLiveState, [created(3), created(5), created(3)], 1000);
  expect(state.mentions.map((m) => m.id)).toEqual([3, 5]);
  expect(state.maxId).toBe(5);
  expect(state.arrivedAt.get(5)).toBe(1000);
});

test('a mention seen again keeps its first arrival time', () => {
  const first = applyLiveEvents(initialLiveState, [created(1)], 1000);
  const again = applyLiveEvents(first, [created(1)], 9000);
  expect(again.mentions).toHaveLength(1);
  expect(again.arrivedAt.get(1)).toBe(1000);
});

test('status changes are reflected and an error message is kept until the socket is live', () => {
  const failed = applyLiveEvents(
    initialLiveState,
    [
      { type: 'status', status: 'reconnecting', retryInMs: 2000 },
      {
        type: 'message',
        message: { type: 'error', error: { code: 'x', message: 'back-fill failed' } },
      },
    ],
    0,
  );
  expect(failed).toMatchObject({
    status: 'reconnecting',
    retryInMs: 2000,
    lastError: 'back-fill failed',
  });
  const live = applyLiveEvents(failed, [{ type: 'status', status: 'live', retryInMs: null }], 0);
  expect(live).toMatchObject({ status: 'live', lastError: null });
});

test('a back-fill the server says it cut short signals a gap to reload', () => {
  const events: LiveEvent[] = [{ type: 'resume.sent' }];
  for (let id = 1; id <= LIVE_BACKFILL_LIMIT; id++) events.push(created(id));
  events.push({
    type: 'message',
    message: { type: 'resume.done', lastId: LIVE_BACKFILL_LIMIT, truncated: true },
  });
  const state = applyLiveEvents(initialLiveState, events, 0);
  expect(state.gapCount).toBe(1);
  expect(state.backfilling).toBe(false);
});

test('a complete back-fill is not a gap, however many re-sent items came with it', () => {
  const events: LiveEvent[] = [{ type: 'resume.sent' }];
  for (let id = 1; id <= LIVE_BACKFILL_LIMIT + 50; id++) events.push(created(id));
  events.push({
    type: 'message',
    message: { type: 'resume.done', lastId: LIVE_BACKFILL_LIMIT + 50, truncated: false },
  });
  expect(applyLiveEvents(initialLiveState, events, 0).gapCount).toBe(0);
});

test('an empty batch returns the same state object, so nothing re-renders', () => {
  expect(applyLiveEvents(initialLiveState, [], 0)).toBe(initialLiveState);
});

test('mentions the pages already showed are kept but not highlighted as new', () => {
  const state = applyLiveEvents(initialLiveState, [created(4), created(5), created(6)], 1000, 5);
  expect(state.mentions.map((m) => m.id)).toEqual([4, 5, 6]);
  expect([...state.arrivedAt.keys()]).toEqual([6]);
});

test('issue and thread escalation events are counted so the Issues page knows to reload', () => {
  const issue = { id: 1, title: 'Parking', severity: 'alert' as const, explanation: 'busy' };
  const state = applyLiveEvents(
    initialLiveState,
    [
      { type: 'message', message: { type: 'issue.opened', issue } },
      {
        type: 'message',
        message: {
          type: 'thread.escalated',
          thread: { sourceId: 1, rootId: 'r', title: 'A post', level: 'page', explanation: 'x' },
        },
      },
      created(9),
    ],
    0,
  );
  expect(state.detectionCount).toBe(2);
  expect(state.mentions).toHaveLength(1);
});

test('a deleted mention leaves the live list, also when it arrived in the same batch', () => {
  const deleted = (id: number): LiveEvent => ({
    type: 'message',
    message: { type: 'mention.deleted', mentionId: id },
  });
  const shown = applyLiveEvents(initialLiveState, [created(1), created(2)], 1000);
  const after = applyLiveEvents(shown, [created(3), deleted(1), deleted(3)], 2000);
  expect(after.mentions.map((m) => m.id)).toEqual([2]);
});
