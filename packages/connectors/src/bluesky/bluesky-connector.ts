import { ConnectorError } from '@barometer/http';
import type { Connector, PollContext } from '../connector.ts';
import { memorySessionStore } from '../social/memory-sessions.ts';
import { pollWindow } from '../social/window.ts';
import { blueskyApi } from './client.ts';
import { pollBluesky } from './poll.ts';
import { fetchBlueskyThread } from './thread.ts';

const fallbackSessions = memorySessionStore();

/** Bluesky through the account's PDS: searchPosts (app-password session) and getPostThread. */
export const blueskyConnector: Connector = {
  kind: 'bluesky',
  poll(source, policy, context = {}) {
    const query = source.query?.trim();
    const api = apiFor(source, policy, context);
    if (!query) {
      return Promise.reject(
        new ConnectorError('bad-url', { message: 'say what to search for on Bluesky' }),
      );
    }
    return pollBluesky(api, query, pollWindow(context));
  },
  thread(source, externalId, policy, context = {}) {
    return fetchBlueskyThread(apiFor(source, policy, context), externalId);
  },
};

function apiFor(
  source: { url: string; credential?: string | null },
  policy: Parameters<typeof blueskyApi>[2],
  context: PollContext,
) {
  const base = source.url.replace(/\/+$/, '');
  return blueskyApi(
    base,
    source.credential,
    policy,
    context.sessions ?? fallbackSessions,
    context.now ?? (() => new Date()),
  );
}

/** Jetstream sources are read as a stream; a poll has nothing to fetch. */
export const jetstreamPollConnector: Connector = {
  kind: 'jetstream',
  async poll() {
    return {
      status: 'ok',
      title: null,
      mentions: [],
      validators: { etag: null, lastModified: null, contentHash: null },
      cache: { retryAfterSeconds: null, maxAgeSeconds: null },
      warnings: ['read live as a stream'],
    };
  },
};
