import type { ThreadDto, ThreadPostDto } from '@barometer/core';
import { describe, expect, test } from 'vitest';
import { MAX_INDENT, threadHeadline, threadRows } from './thread-rows.ts';

const post = (over: Partial<ThreadPostDto>): ThreadPostDto => ({
  externalId: 'x',
  mentionId: 1,
  author: '@pat',
  text: 'hello',
  url: null,
  publishedAt: null,
  sentimentLabel: 'neutral',
  flags: null,
  depth: 0,
  parentMissing: false,
  isFocus: false,
  isTrust: false,
  deleted: false,
  ...over,
});

const thread = (posts: ThreadPostDto[], over: Partial<ThreadDto> = {}): ThreadDto => ({
  mentionId: 1,
  platform: 'mastodon',
  posts,
  participants: 2,
  counts: { positive: 0, neutral: 1, negative: 1, unscored: 0 },
  trustReplied: false,
  firstActivity: null,
  lastActivity: null,
  completeness: 'fetched',
  fetchProblem: null,
  ...over,
});

describe('threadRows', () => {
  test("marks the trust's replies, deleted posts, unscored and orphaned ones in plain words", () => {
    const rows = threadRows(
      thread([
        post({ externalId: 'a', author: '@NorthfieldNHS', isTrust: true }),
        post({ externalId: 'b', deleted: true, depth: 1 }),
        post({ externalId: 'c', mentionId: null, parentMissing: true, sentimentLabel: null }),
        post({
          externalId: 'd',
          flags: {
            safeguarding: true,
            complaint: false,
            patientSafety: false,
            urgent: true,
            pii: false,
          },
        }),
      ]),
    );
    expect(rows[0]?.speaker).toBe('@NorthfieldNHS (the trust)');
    expect(rows[1]?.text).toBe('This post was deleted.');
    expect(rows[2]?.notes).toEqual(['replies to a post we do not have', 'not scored yet']);
    expect(rows[3]?.flagLabels).toEqual(['Safeguarding', 'Urgent']);
  });

  test('deep chains are indented no further than the cap', () => {
    expect(threadRows(thread([post({ depth: 40 })]))[0]?.indent).toBe(MAX_INDENT);
  });
});

describe('threadHeadline', () => {
  test('says the size, the negatives and whether the trust has answered', () => {
    expect(threadHeadline(thread([post({}), post({ externalId: 'y' })]))).toBe(
      '2 posts · 2 people · 1 negative · no reply from the trust yet',
    );
    expect(
      threadHeadline(
        thread([post({})], {
          participants: 1,
          counts: { positive: 1, neutral: 0, negative: 0, unscored: 0 },
          trustReplied: true,
        }),
      ),
    ).toBe('1 post · 1 person · the trust has replied');
  });
});
