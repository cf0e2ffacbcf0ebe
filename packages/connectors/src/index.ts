export { discoverFeedLinks, discoverFeeds } from './discover.ts';
export { ConnectorError, ERROR_MESSAGES, isConnectorError } from './errors.ts';
export { type ParseFeedOptions, parseFeed } from './feed/parse-feed.ts';
export { isPublicAddress } from './http/address-guard.ts';
export {
  assertFetchable,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUTS,
  DEFAULT_USER_AGENT,
  type GuardedRequest,
  type GuardedResponse,
  guardedFetch,
} from './http/guarded-fetch.ts';
export { HostGate, hostKey } from './http/host-gate.ts';
export { pollFeed } from './poll-feed.ts';
export { plainText, type SanitisedContent, sanitiseHtml } from './sanitise/sanitise-html.ts';
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
