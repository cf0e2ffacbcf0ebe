import { ConnectorError } from '@barometer/http';
import type { Connector, PollContext } from '../connector.ts';
import { memorySessionStore } from '../social/memory-sessions.ts';
import { pollWindow } from '../social/window.ts';
import { redditApi } from './client.ts';
import { fetchRedditThread } from './comments.ts';
import { pollReddit } from './poll.ts';

const fallbackSessions = memorySessionStore();

/** Reddit's OAuth API, app-only: search (all of Reddit or chosen subreddits), comment trees. */
export const redditConnector: Connector = {
  kind: 'reddit',
  async poll(source, policy, context = {}) {
    const query = source.query?.trim();
    if (!query)
      throw new ConnectorError('bad-url', { message: 'say what to search for on Reddit' });
    return pollReddit(apiFor(source, policy, context), query, pollWindow(context));
  },
  thread(source, externalId, policy, context = {}) {
    return fetchRedditThread(apiFor(source, policy, context), externalId);
  },
};

function apiFor(
  source: { url: string; credential?: string | null },
  policy: Parameters<typeof redditApi>[2],
  context: PollContext,
) {
  return redditApi(source.url, source.credential, policy, context.sessions ?? fallbackSessions);
}
