import { createHash } from 'node:crypto';
import {
  type MentionScore,
  type NormalizedMention,
  type SourceCreateBody,
  type SourceDto,
  scoreMention,
} from '@barometer/core';
import type { Database } from '../client.ts';
import type { MentionToStore } from '../queries/mentions.ts';
import { createSource } from '../queries/sources.ts';

/** An enabled RSS query feed polled hourly, unless the test says otherwise. */
export function addFeedSource(
  database: Pick<Database, 'pool'>,
  fields: Pick<SourceCreateBody, 'name' | 'url'> & Partial<SourceCreateBody>,
): Promise<SourceDto> {
  return createSource(database.pool, {
    kind: 'rss',
    isQueryFeed: true,
    pollIntervalSeconds: 3600,
    enabled: true,
    query: null,
    ...fields,
  });
}

/** A mention ready for `upsertMentions`: just the text, scored by the current scorer. */
export function mentionToStore(
  externalId: string,
  text: string,
  score: MentionScore = scoreMention({ text }),
  fields: Partial<NormalizedMention> = {},
): MentionToStore {
  return {
    mention: {
      externalId,
      url: null,
      author: null,
      title: null,
      text,
      html: null,
      publishedAt: null,
      publishedRaw: null,
      parentExternalId: null,
      rootExternalId: null,
      ...fields,
    },
    score,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}
