import type { MentionDto } from '@barometer/core';

const NO_FLAGS = {
  safeguarding: false,
  complaint: false,
  patientSafety: false,
  urgent: false,
  pii: false,
};

/** A complete mention for unit tests, with just the fields a test cares about overridden. */
export function testMention(
  id: number,
  overrides: Partial<Omit<MentionDto, 'flags'>> & { flags?: Partial<MentionDto['flags']> } = {},
): MentionDto {
  const { flags, ...rest } = overrides;
  return {
    id,
    sourceId: 1,
    sourceName: 'Local News',
    sourceKind: 'rss',
    externalId: `ext-${id}`,
    url: `https://news.example/${id}`,
    author: null,
    title: `Mention ${id}`,
    text: `Text of mention ${id}`,
    html: null,
    publishedAt: '2026-11-20T10:00:00.000Z',
    fetchedAt: '2026-11-20T10:01:00.000Z',
    sentimentScore: 0,
    sentimentLabel: 'neutral',
    sentimentConfidence: 0.5,
    flags: { ...NO_FLAGS, ...flags },
    flagEvidence: {},
    topics: [],
    explanation: [],
    scoreSummary: '',
    highlights: [],
    scorerVersion: 'wink-0',
    parentExternalId: null,
    rootExternalId: null,
    story: null,
    textView: 'raw',
    ...rest,
  };
}
