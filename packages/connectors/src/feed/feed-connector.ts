import type { Connector } from '../connector.ts';
import { pollFeed } from '../poll-feed.ts';

/** RSS 0.9x-2.0, RSS 1.0/RDF, Atom and JSON Feed: the first connector. */
export const feedConnector: Connector = {
  kind: 'rss',
  async poll(source, policy) {
    const result = await pollFeed(source.url, source.validators, policy);
    if (result.status === 'not-modified') return result;
    return {
      status: 'ok',
      title: result.feed.title,
      mentions: result.feed.items,
      validators: result.validators,
      cache: result.cache,
      warnings: result.feed.warnings ?? [],
    };
  },
};
