import { describe, expect, test } from 'vitest';
import { explainThread } from './explain-thread.ts';
import {
  assessThread,
  INITIAL_THREAD_STATE,
  stepThreadEscalation,
  THREAD_POLICY,
  type ThreadReply,
} from './thread-escalation.ts';

const MIN = 60_000;
const NOW = Date.UTC(2026, 2, 3, 15);

function replies(
  count: number,
  fromMinutesAgo: number,
  toMinutesAgo: number,
  over: Partial<ThreadReply> & { prefix: string },
): ThreadReply[] {
  return Array.from({ length: count }, (_, i) => ({
    time: NOW - (fromMinutesAgo - ((fromMinutesAgo - toMinutesAgo) * (i + 0.5)) / count) * MIN,
    author: `${over.prefix}-${i}`,
    negative: false,
    followers: 50,
    safety: false,
    ...over,
  }));
}

// Six quiet hours (2 replies an hour, a third negative), then the last hour.
const history = Array.from({ length: 6 }, (_, h) =>
  replies(2, 60 * (h + 2), 60 * (h + 1), { prefix: `h${h}`, negative: h % 3 === 0 }),
).flat();

describe('thread escalation score', () => {
  test('a quiet thread keeping its pace scores low and is not even watched', () => {
    const a = assessThread([...history, ...replies(2, 60, 0, { prefix: 'now' })], NOW);
    expect(a.score).toBeLessThan(THREAD_POLICY.watch);
    expect(stepThreadEscalation(INITIAL_THREAD_STATE, a, NOW).escalated).toBeNull();
  });

  test('a burst of negative replies from new people scores high and explains itself', () => {
    const burst = replies(12, 60, 0, { prefix: 'new', negative: true, followers: 1000 });
    burst[0]!.negative = false;
    burst[1]!.negative = false;
    const a = assessThread([...history, ...burst], NOW);
    expect(a).toMatchObject({ replies: 12, usualReplies: 2, authors: 12, newAuthors: 12 });
    expect(a.score).toBeGreaterThanOrEqual(THREAD_POLICY.page);
    expect(explainThread(a)).toBe(
      '12 replies in the last hour, 6x its usual rate, 83% negative (usually 33%), 12 people (12 new, about 12,000 followers between them).',
    );
  });

  test('alert needs a high score to hold; a single high reading is a watch', () => {
    const high = { ...assessThread(history, NOW), score: 0.65, safety: false };
    const first = stepThreadEscalation(INITIAL_THREAD_STATE, high, NOW);
    expect(first.escalated).toBe('watch');
    const soon = stepThreadEscalation(first.state, high, NOW + 5 * MIN);
    expect(soon.escalated).toBeNull();
    const held = stepThreadEscalation(first.state, high, NOW + 15 * MIN);
    expect(held.escalated).toBe('alert');
    const again = stepThreadEscalation(held.state, high, NOW + 30 * MIN);
    expect(again.escalated).toBeNull();
  });

  test('a safety flag pages at a moderate score, and the explanation says so', () => {
    const flagged = [
      ...history,
      ...replies(5, 60, 0, { prefix: 's', negative: true, safety: true }),
    ];
    const a = assessThread(flagged, NOW);
    expect(a.score).toBeGreaterThanOrEqual(THREAD_POLICY.safetyPage);
    expect(a.score).toBeLessThan(THREAD_POLICY.page);
    expect(stepThreadEscalation(INITIAL_THREAD_STATE, a, NOW).escalated).toBe('page');
    expect(explainThread(a)).toMatch(/a safety concern was raised\.$/);
  });

  test('a new thread is judged against the usual pace of threads, not its own', () => {
    const fresh = replies(3, 40, 0, { prefix: 'f' });
    expect(assessThread(fresh, NOW).usualReplies).toBe(THREAD_POLICY.typicalRepliesPerHour);
  });
});
