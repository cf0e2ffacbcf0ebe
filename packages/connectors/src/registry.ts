import type { SourceKind } from '@barometer/core';
import { blueskyConnector, jetstreamPollConnector } from './bluesky/bluesky-connector.ts';
import { jetstreamConnector } from './bluesky/jetstream.ts';
import { careOpinionConnector } from './care-opinion/care-opinion-connector.ts';
import type { Connector, StreamConnector } from './connector.ts';
import { feedConnector } from './feed/feed-connector.ts';
import { mastodonConnector } from './mastodon/mastodon-connector.ts';
import { mastodonStreamConnector } from './mastodon/stream.ts';
import { redditConnector } from './reddit/reddit-connector.ts';
import { youtubeConnector } from './youtube/youtube-connector.ts';

/** Every source kind has a connector here, or this does not compile. */
const connectors: { [K in SourceKind]: Connector & { kind: K } } = {
  rss: feedConnector as Connector & { kind: 'rss' },
  mastodon: mastodonConnector as Connector & { kind: 'mastodon' },
  bluesky: blueskyConnector as Connector & { kind: 'bluesky' },
  jetstream: jetstreamPollConnector as Connector & { kind: 'jetstream' },
  reddit: redditConnector as Connector & { kind: 'reddit' },
  youtube: youtubeConnector as Connector & { kind: 'youtube' },
  careopinion: careOpinionConnector as Connector & { kind: 'careopinion' },
};

/** Kinds read as long-lived streams (their polls, if any, are the catch-up path). */
const streamConnectors: Partial<Record<SourceKind, StreamConnector>> = {
  mastodon: mastodonStreamConnector,
  jetstream: jetstreamConnector,
};

export function connectorFor(kind: SourceKind): Connector {
  return connectors[kind];
}

export function streamConnectorFor(kind: SourceKind): StreamConnector | undefined {
  return streamConnectors[kind];
}
