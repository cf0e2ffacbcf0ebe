export type { IncomingHttpHeaders } from 'node:http';
export { isPublicAddress } from './address-guard.ts';
export {
  ConnectorError,
  type ConnectorErrorCode,
  ERROR_MESSAGES,
  httpError,
  isConnectorError,
} from './errors.ts';
export {
  assertFetchable,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUTS,
  DEFAULT_USER_AGENT,
  type GuardedRequest,
  type GuardedResponse,
  guardedFetch,
} from './guarded-fetch.ts';
export {
  DEFAULT_MAX_MESSAGE_BYTES,
  type GuardedWebSocketOptions,
  guardedWebSocket,
  type WebSocket,
} from './guarded-websocket.ts';
export { HostGate, hostKey } from './host-gate.ts';
export type { HttpPolicy, HttpTimeouts, ResolvedAddress } from './types.ts';
