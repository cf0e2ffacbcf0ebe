import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { compileAddressRule, isAllowedAddress, literalAddress } from './address-guard.ts';
import { ConnectorError } from './errors.ts';
import { guardedLookup, systemResolver } from './lookup.ts';
import { readBody } from './read-body.ts';
import { toConnectorError } from './socket-errors.ts';
import type { HttpPolicy, HttpTimeouts } from './types.ts';

export const DEFAULT_USER_AGENT =
  'Barometer/0.1 (feed reader; social listening for an NHS trust communications team)';
export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  connectMs: 10_000,
  headersMs: 15_000,
  bodyIdleMs: 15_000,
  totalMs: 30_000,
};
export const DEFAULT_MAX_BODY_BYTES = 15 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface GuardedRequest {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Read the body of non-2xx responses too (default: only 2xx bodies are read). */
  readErrorBodies?: boolean;
  /** GET by default. A POST (webhooks) is never redirected: the 3xx comes back as it is. */
  method?: 'GET' | 'POST';
  body?: string | Uint8Array;
}

export interface GuardedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Decoded (decompressed) body; empty for 304 and, unless asked, for error statuses. */
  body: Uint8Array;
  finalUrl: string;
  redirects: number;
}

/**
 * The one way Barometer talks to the outside world. http/https only; the resolved address is
 * checked at connect time on every hop (IP literals before the request, since Node never calls
 * `lookup` for them); redirects are followed by hand and re-checked; deadlines for connect,
 * headers, body silence and the whole exchange; the body is capped after decompression.
 */
export async function guardedFetch(
  url: string,
  policy: HttpPolicy,
  request: GuardedRequest = {},
): Promise<GuardedResponse> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...policy.timeouts };
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(timeouts.totalMs);
  const signals = request.signal ? [deadline, request.signal] : [deadline];
  const signal = AbortSignal.any(signals);
  let current = parseHttpUrl(url);
  for (let hop = 0; ; hop++) {
    try {
      const response = await exchange(current, policy, timeouts, signal, request);
      const follow = (request.method ?? 'GET') === 'GET';
      if (follow && REDIRECTS.has(response.status) && response.headers.location) {
        if (hop >= maxRedirects) throw new ConnectorError('too-many-redirects');
        current = nextHop(current, response.headers.location);
        continue;
      }
      return { ...response, finalUrl: current.href, redirects: hop };
    } catch (error) {
      if (request.signal?.aborted) throw new ConnectorError('aborted', { cause: error });
      if (deadline.aborted) throw new ConnectorError('timeout', { cause: error });
      throw toConnectorError(error);
    }
  }
}

/**
 * Checks, without connecting, that a URL could be fetched under the policy: http(s), no
 * credentials, and every address it resolves to allowed. For refusing a feed or webhook URL
 * when it is saved (the fetch itself checks again at connect time, so this is a courtesy, not
 * the guard).
 */
export async function assertFetchable(url: string, policy: HttpPolicy): Promise<void> {
  const parsed = parseHttpUrl(url);
  const rule = compileAddressRule(policy.allowPrivate, policy.allowedCidrs);
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = literalAddress(hostname);
  if (literal) {
    if (!isAllowedAddress(literal, rule)) throw new ConnectorError('private-address');
    return;
  }
  let addresses: { address: string }[];
  try {
    addresses = await (policy.resolve ?? systemResolver)(hostname);
  } catch (error) {
    throw toConnectorError(error);
  }
  if (addresses.length === 0) throw new ConnectorError('dns');
  if (addresses.some((a) => !isAllowedAddress(a.address, rule))) {
    throw new ConnectorError('private-address');
  }
}

export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConnectorError('bad-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConnectorError('bad-url');
  if (url.username || url.password) {
    throw new ConnectorError('bad-url', { message: 'refused: credentials in the URL' });
  }
  return url;
}

export function nextHop(from: URL, location: string): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new ConnectorError('redirect-refused');
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new ConnectorError('redirect-refused');
  }
  // A downgrade lets anyone on the path rewrite the feed; Stringer and Fastladder were bitten.
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    throw new ConnectorError('redirect-refused');
  }
  if (to.username || to.password) throw new ConnectorError('redirect-refused');
  return to;
}

interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

function exchange(
  url: URL,
  policy: HttpPolicy,
  timeouts: HttpTimeouts,
  signal: AbortSignal,
  request: GuardedRequest,
): Promise<Exchange> {
  const rule = compileAddressRule(policy.allowPrivate, policy.allowedCidrs);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = literalAddress(hostname);
  if (literal && !isAllowedAddress(literal, rule)) {
    return Promise.reject(new ConnectorError('private-address'));
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<Exchange>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (error: unknown, value?: Exchange) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(value!);
    };
    const req = transport.request({
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method ?? 'GET',
      agent: false,
      lookup: guardedLookup(rule, policy.resolve ?? systemResolver),
      signal,
      headers: {
        'user-agent': policy.userAgent ?? DEFAULT_USER_AGENT,
        accept: ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
        connection: 'close',
        ...request.headers,
      },
    });
    timers.push(setTimeout(() => finish(new ConnectorError('timeout')), timeouts.headersMs));
    req.on('socket', (socket) => {
      const connectTimer = setTimeout(
        () => finish(new ConnectorError('timeout')),
        timeouts.connectMs,
      );
      timers.push(connectTimer);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        // Defence in depth: whatever resolved, the peer we reached must be allowed.
        const peer = socket.remoteAddress;
        if (peer && !isAllowedAddress(peer, rule)) finish(new ConnectorError('private-address'));
      });
    });
    req.on('error', (error) => finish(error));
    req.on('response', (res: IncomingMessage) => {
      for (const t of timers) clearTimeout(t);
      const status = res.statusCode ?? 0;
      const wantBody =
        status !== 304 && (status < 300 || (request.readErrorBodies === true && status >= 400));
      if (!wantBody) {
        res.resume();
        finish(null, { status, headers: res.headers, body: new Uint8Array(0) });
        return;
      }
      readBody(res, {
        maxBytes: policy.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        idleMs: timeouts.bodyIdleMs,
      }).then(
        (body) => finish(null, { status, headers: res.headers, body }),
        (error: unknown) => finish(error),
      );
    });
    req.end(request.body);
  });
}
