import type { Connector } from '../connector.ts';
import { pollWindow } from '../social/window.ts';
import type { MastodonApi } from './client.ts';
import { pollMastodon } from './poll.ts';
import { instanceBase, parseMastodonQuery } from './query.ts';
import { fetchMastodonThread } from './thread.ts';

/** Mastodon, one instance per source: hashtag timelines, search and mentions, threads. */
export const mastodonConnector: Connector = {
  kind: 'mastodon',
  poll(source, policy, context = {}) {
    const window = pollWindow(context);
    return pollMastodon(
      apiFor(source, policy, context),
      parseMastodonQuery(source.query),
      source.cursor ?? null,
      window,
    );
  },
  thread(source, externalId, policy, context = {}) {
    return fetchMastodonThread(apiFor(source, policy, context), externalId);
  },
};

function apiFor(
  source: { url: string; credential?: string | null },
  policy: MastodonApi['policy'],
  context: { now?: () => Date; signal?: AbortSignal },
): MastodonApi {
  return {
    base: instanceBase(source.url),
    token: source.credential?.trim() || null,
    policy,
    now: context.now ?? (() => new Date()),
    ...(context.signal ? { signal: context.signal } : {}),
  };
}
