export {
  jetstreamConnector as jetstreamConnectorForBench,
  jetstreamLineReader,
} from './bluesky/jetstream.ts';
export type {
  Connector,
  ConnectorPollResult,
  ConnectorSource,
  PollContext,
  SessionStore,
  StreamConnector,
  StreamHandle,
  StreamHealth,
  StreamOptions,
  StreamSink,
} from './connector.ts';
export { discoverFeedLinks, discoverFeeds } from './discover.ts';
export { type ParseFeedOptions, parseFeed } from './feed/parse-feed.ts';
export { cleanMention } from './hygiene.ts';
export { pollFeed } from './poll-feed.ts';
export { connectorFor, streamConnectorFor } from './registry.ts';
export { plainText, type SanitisedContent, sanitiseHtml } from './sanitise/sanitise-html.ts';
export { memorySessionStore } from './social/memory-sessions.ts';
export type {
  CacheHints,
  CommentFeedLink,
  FeedPollResult,
  FeedValidators,
  HttpPolicy,
  HttpTimeouts,
  ParsedFeed,
  ResolvedAddress,
} from './types.ts';
