import type { NormalizedMention } from '@barometer/core';
import { type MastodonApi, mastodonGet } from './client.ts';
import { originalOf, statusToMention } from './map-status.ts';
import { MastodonContext, MastodonStatus } from './schema.ts';

/** Bounds on a fetched conversation (unauthenticated instances cap at 40 up, 60 down anyway). */
export const THREAD_LIMITS = { ancestors: 40, descendants: 200 };

/**
 * The status and its conversation from `/statuses/:id/context`. The first ancestor is the root,
 * so every post in the answer gets its real root, not just its parent.
 */
export async function fetchMastodonThread(
  api: MastodonApi,
  statusId: string,
): Promise<NormalizedMention[]> {
  const id = encodeURIComponent(statusId);
  const [status, context] = await Promise.all([
    mastodonGet(api, `/api/v1/statuses/${id}`, MastodonStatus, 'the post'),
    mastodonGet(api, `/api/v1/statuses/${id}/context`, MastodonContext, 'the conversation'),
  ]);
  const ancestors = context.data.ancestors.slice(-THREAD_LIMITS.ancestors);
  const descendants = context.data.descendants.slice(0, THREAD_LIMITS.descendants);
  const subject = originalOf(status.data);
  const rootId = ancestors[0] ? originalOf(ancestors[0]).id : subject.id;
  return [...ancestors, status.data, ...descendants].map((s) => {
    const original = originalOf(s);
    return statusToMention(original, original.id === rootId ? null : rootId);
  });
}
