import { scoreMention } from '@barometer/core';
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
    const items = Array.from(
      { length: Math.min(options.batch, options.count - start) },
      (_, i) => ({
        externalId: `${options.label}-${start + i}`,
        text: `${options.label} ${start + i}: ${filler.slice(0, options.textChars)}`,
        score,
      }),
    );
    ids.push(...(await env.storeAndPublish(items)));
  }
  return ids;
}
