import { describe, expect, test } from 'vitest';
import type { ThreadPostDto } from '../contracts/threads.ts';
import { summariseThread } from './thread-summary.ts';

const post = (over: Partial<ThreadPostDto>): ThreadPostDto => ({
  externalId: 'x',
  mentionId: null,
  author: 'a',
  text: '',
  url: null,
  publishedAt: null,
  sentimentLabel: null,
  flags: null,
  depth: 0,
  parentMissing: false,
  isFocus: false,
  isTrust: false,
  deleted: false,
  ...over,
});

describe('summariseThread', () => {
  test('counts speakers and labels, spans the activity and sees the trust reply', () => {
    const summary = summariseThread([
      post({
        author: 'pat',
        sentimentLabel: 'negative',
        publishedAt: '2026-12-01T10:00:00Z',
        isFocus: true,
      }),
      post({ author: 'sam', sentimentLabel: 'negative', publishedAt: '2026-12-01T11:00:00Z' }),
      post({ author: 'pat', publishedAt: '2026-12-01T09:00:00Z' }),
      post({ author: '@NorthfieldNHS', sentimentLabel: 'neutral', isTrust: true }),
    ]);
    expect(summary).toEqual({
      participants: 3,
      counts: { positive: 0, neutral: 1, negative: 2, unscored: 1 },
      trustReplied: true,
      firstActivity: '2026-12-01T09:00:00.000Z',
      lastActivity: '2026-12-01T11:00:00.000Z',
    });
  });

  test('the trust writing the opened post itself is not a reply', () => {
    expect(summariseThread([post({ isTrust: true, isFocus: true })]).trustReplied).toBe(false);
  });
});
