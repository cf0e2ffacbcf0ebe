import { createHash } from 'node:crypto';
import { type LiveBusMessage, liveChannel, scoreMention } from '@barometer/core';
import { getMentionsByIds, upsertMentions } from '@barometer/db';
import type { ApiTestEnv } from '../helpers.ts';

/**
 * Stores `count` large mentions and publishes them in batches, as ingest jobs do. The score is
 * computed once: these tests are about bytes on sockets, not the scorer.
 */
export async function storeAndPublish(
  env: ApiTestEnv,
  options: { label: string; count: number; textChars: number; batch: number },
): Promise<number[]> {
  const score = scoreMention({ text: 'Northfield General Hospital' });
  const filler = 'Northfield General waiting times. '.repeat(Math.ceil(options.textChars / 34));
  const ids: number[] = [];
  for (let start = 0; start < options.count; start += options.batch) {
    const rows = Array.from({ length: Math.min(options.batch, options.count - start) }, (_, i) => {
      const text = `${options.label} ${start + i}: ${filler.slice(0, options.textChars)}`;
      return {
        mention: {
          externalId: `${options.label}-${start + i}`,
          url: null,
          author: 'Someone',
          title: null,
          text,
          html: null,
          publishedAt: new Date().toISOString(),
          publishedRaw: null,
          parentExternalId: null,
          rootExternalId: null,
        },
        score,
        contentHash: createHash('sha256').update(text).digest('hex'),
      };
    });
    const result = await upsertMentions(env.database.pool, env.sourceId, rows);
    const mentions = await getMentionsByIds(env.database.pool, result.changedIds);
    const message: LiveBusMessage = { type: 'mentions', mentions };
    await env.publisher.publish(liveChannel(env.prefix), JSON.stringify(message));
    ids.push(...result.changedIds);
  }
  return ids;
}
