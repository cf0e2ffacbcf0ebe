import { describe, expect, test } from 'vitest';
import type { ThreadReply } from './thread-escalation.ts';
import { threadHistoryHours, threadTick } from './thread-tick.ts';

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 3, 15);
const key = { sourceId: 1, rootId: 'root-1' };

function reply(minutesAgo: number, author: string, negative = false): ThreadReply {
  return { time: NOW - minutesAgo * MIN, author, negative, followers: 0, safety: false };
}

const quietHistory = Array.from({ length: 12 }, (_, i) => reply(90 + i * 30, `old-${i}`));

describe('the thread tick', () => {
  test('a thread keeping its pace does not rise and keeps no level', () => {
    const [r] = threadTick(NOW, [{ key, replies: [...quietHistory, reply(10, 'a')], state: null }]);
    expect(r).toMatchObject({ key, escalated: null, state: { level: null } });
  });

  test('a sudden negative pile-on rises to page and says why in plain words', () => {
    const pileOn = Array.from({ length: 25 }, (_, i) => reply(55 - i * 2, `new-${i}`, true));
    const [r] = threadTick(NOW, [{ key, replies: [...quietHistory, ...pileOn], state: null }]);
    expect(r!.escalated).toBe('page');
    expect(r!.state.level).toBe('page');
    expect(r!.explanation).toMatch(/^25 replies in the last hour/);
  });

  test('a thread already at page does not rise again on the next tick', () => {
    const pileOn = Array.from({ length: 25 }, (_, i) => reply(55 - i * 2, `new-${i}`, true));
    const replies = [...quietHistory, ...pileOn];
    const [first] = threadTick(NOW, [{ key, replies, state: null }]);
    const [again] = threadTick(NOW + 20 * MIN, [{ key, replies, state: first!.state }]);
    expect(again!.escalated).toBeNull();
  });

  test('the history to load covers the window and the hours it is compared with', () => {
    expect(threadHistoryHours()).toBe(7);
  });
});
