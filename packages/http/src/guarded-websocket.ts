import WebSocket from 'ws';
import { compileAddressRule, isAllowedAddress, literalAddress } from './address-guard.ts';
import { ConnectorError } from './errors.ts';
import { DEFAULT_TIMEOUTS, DEFAULT_USER_AGENT } from './guarded-fetch.ts';
import { guardedLookup, systemResolver } from './lookup.ts';
import type { HttpPolicy } from './types.ts';

export type { WebSocket };

/** Largest single frame a stream consumer accepts (a Jetstream event is a few KiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface GuardedWebSocketOptions {
  headers?: Record<string, string>;
  maxMessageBytes?: number;
}

/**
 * Opens a websocket (ws:// or wss://) under the same rules as guardedFetch: the resolved address
 * is checked inside the socket's own lookup, IP literals before connecting, the connected peer
 * again on upgrade; no redirects; a handshake deadline; a cap on each message. Errors reach the
 * caller as ConnectorError on the socket's 'error' event.
 */
export function guardedWebSocket(
  url: string,
  policy: HttpPolicy,
  options: GuardedWebSocketOptions = {},
): WebSocket {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorError('bad-url');
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new ConnectorError('bad-url');
  if (parsed.username || parsed.password) throw new ConnectorError('bad-url');
  const rule = compileAddressRule(policy.allowPrivate, policy.allowedCidrs);
  const literal = literalAddress(parsed.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (literal && !isAllowedAddress(literal, rule)) throw new ConnectorError('private-address');
  const timeouts = { ...DEFAULT_TIMEOUTS, ...policy.timeouts };
  const socket = new WebSocket(parsed, {
    headers: { 'user-agent': policy.userAgent ?? DEFAULT_USER_AGENT, ...options.headers },
    handshakeTimeout: timeouts.connectMs + timeouts.headersMs,
    maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    followRedirects: false,
    perMessageDeflate: false,
    lookup: guardedLookup(rule, policy.resolve ?? systemResolver),
  });
  socket.on('upgrade', (response) => {
    const peer = response.socket.remoteAddress;
    if (peer && !isAllowedAddress(peer, rule)) {
      socket.emit('error', new ConnectorError('private-address'));
      socket.terminate();
    }
  });
  return socket;
}
