import type { HttpPolicy, IncomingHttpHeaders } from '@barometer/http';
import { ConnectorError, httpError } from '@barometer/http';
import type { z } from 'zod';
import { apiRequest, header, jsonBody, parsePayload, secondsUntil } from '../social/api-request.ts';
import { parseLinkHeader } from '../social/link-header.ts';

export interface MastodonApi {
  /** The instance's origin, e.g. https://mastodon.social (a path prefix is kept for fakes). */
  base: string;
  token: string | null;
  policy: HttpPolicy;
  now: () => Date;
  signal?: AbortSignal;
}

export interface RateState {
  remaining: number | null;
  /** When the current window ends (epoch ms). */
  resetAt: number | null;
}

export interface MastodonPage<T> {
  data: T;
  links: Record<string, string>;
  rate: RateState;
}

/** Stop paging while this many requests are left in the window, for the next poll and the stream. */
export const RATE_RESERVE = 5;

/** GET one endpoint; `path` is relative to the base or a full URL taken from a Link header. */
export async function mastodonGet<S extends z.ZodType>(
  api: MastodonApi,
  path: string,
  schema: S,
  what: string,
): Promise<MastodonPage<z.infer<S>>> {
  const url = path.startsWith('http') ? path : `${api.base}${path}`;
  const headers: Record<string, string> = {};
  if (api.token) headers.authorization = `Bearer ${api.token}`;
  const response = await apiRequest(
    url,
    api.policy,
    api.signal ? { headers, signal: api.signal } : { headers },
  );
  const rate = rateState(response.headers);
  if (response.status !== 200) throw mastodonError(api, response.status, response.headers, rate);
  const body = jsonBody(response);
  if (body === null) {
    throw new ConnectorError('bad-response', {
      message: `the instance did not answer ${what} with JSON`,
    });
  }
  return {
    data: parsePayload(schema, body, what),
    links: parseLinkHeader(header(response.headers, 'link')),
    rate,
  };
}

/** X-RateLimit-Reset is ISO 8601 with microseconds; Remaining is an integer. */
export function rateState(headers: IncomingHttpHeaders): RateState {
  const remaining = Number.parseInt(header(headers, 'x-ratelimit-remaining') ?? '', 10);
  const reset = Date.parse(header(headers, 'x-ratelimit-reset') ?? '');
  return {
    remaining: Number.isFinite(remaining) ? remaining : null,
    resetAt: Number.isFinite(reset) ? reset : null,
  };
}

export function secondsUntilReset(rate: RateState, now: Date): number | null {
  return rate.resetAt === null ? null : secondsUntil(rate.resetAt, now.getTime());
}

function mastodonError(
  api: MastodonApi,
  status: number,
  headers: IncomingHttpHeaders,
  rate: RateState,
): ConnectorError {
  if (status === 401 || status === 403) {
    if (!api.token)
      return new ConnectorError('credentials-needed', {
        message: 'this instance only answers signed-in apps: add an access token',
      });
    return new ConnectorError('bad-credentials', {
      message: 'the instance refused the access token: check or replace it',
    });
  }
  if (status === 404) {
    return new ConnectorError('http-404', { message: 'HTTP 404: not found on this instance' });
  }
  // Mastodon sends no Retry-After on 429: the window's reset says when to come back.
  const retryAfter =
    Number.parseInt(header(headers, 'retry-after') ?? '', 10) || secondsUntilReset(rate, api.now());
  return httpError(status, Number.isFinite(retryAfter) ? retryAfter : null);
}
