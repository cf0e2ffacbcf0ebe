import { ConnectorError } from '@barometer/http';
import type { Connector } from '../connector.ts';
import { pollWindow } from '../social/window.ts';
import { DEFAULT_DAILY_QUOTA, type YoutubeApi } from './client.ts';
import { pollYoutube } from './poll.ts';

/** YouTube Data API v3 with an API key: videos that mention the trust and their comments. */
export const youtubeConnector: Connector = {
  kind: 'youtube',
  async poll(source, policy, context = {}) {
    const key = source.credential?.trim();
    if (!key)
      throw new ConnectorError('credentials-needed', { message: 'YouTube needs an API key' });
    const query = source.query?.trim();
    if (!query)
      throw new ConnectorError('bad-url', {
        message: 'say what to look for: search words or channel:UC…',
      });
    const api: YoutubeApi = {
      base: source.url.replace(/\/+$/, ''),
      key,
      policy,
      now: context.now ?? (() => new Date()),
      quota: context.quota ?? { usedToday: 0, dailyLimit: DEFAULT_DAILY_QUOTA },
      spent: 0,
    };
    return pollYoutube(api, query, pollWindow(context));
  },
};
