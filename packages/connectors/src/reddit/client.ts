import type { HttpPolicy, IncomingHttpHeaders } from '@barometer/http';
import { ConnectorError, httpError } from '@barometer/http';
import type { z } from 'zod';
import type { SessionStore } from '../connector.ts';
import { apiRequest, header, jsonBody, parsePayload } from '../social/api-request.ts';
import { RedditToken } from './schema.ts';

/** Reddit refuses generic agents: `<platform>:<app id>:<version> (by /u/<user>)`. */
export const REDDIT_USER_AGENT = 'server:uk.nhs.barometer:v0.1 (by /u/barometer_app)';

export interface RedditApi {
  tokenUrl: string;
  apiBase: string;
  clientId: string;
  clientSecret: string;
  policy: HttpPolicy;
  sessions: SessionStore;
}

export interface RedditRate {
  remaining: number | null;
  resetSeconds: number | null;
}

/** www.reddit.com issues tokens and oauth.reddit.com serves the API; a fake serves both. */
export function redditApi(
  base: string,
  credential: string | null | undefined,
  policy: HttpPolicy,
  sessions: SessionStore,
): RedditApi {
  const raw = credential?.trim() ?? '';
  const split = raw.indexOf(':');
  if (split <= 0 || split === raw.length - 1) {
    throw new ConnectorError('credentials-needed', {
      message: 'Reddit needs an approved app: client_id:client_secret (or use the RSS preset)',
    });
  }
  const url = new URL(base);
  const real = /(^|\.)reddit\.com$/i.test(url.hostname);
  const root = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    tokenUrl: real ? 'https://www.reddit.com/api/v1/access_token' : `${root}/api/v1/access_token`,
    apiBase: real ? 'https://oauth.reddit.com' : `${root}/oauth`,
    clientId: raw.slice(0, split),
    clientSecret: raw.slice(split + 1),
    policy,
    sessions,
  };
}

const tokenKey = (api: RedditApi) => `reddit:token:${api.tokenUrl}:${api.clientId}`;

async function token(api: RedditApi, fresh: boolean): Promise<string> {
  if (!fresh) {
    const stored = await api.sessions.get(tokenKey(api));
    if (stored) return stored;
  }
  const basic = Buffer.from(`${api.clientId}:${api.clientSecret}`).toString('base64');
  const response = await apiRequest(api.tokenUrl, api.policy, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': REDDIT_USER_AGENT,
    },
    body: 'grant_type=client_credentials',
  });
  if (response.status === 401 || response.status === 403) {
    throw new ConnectorError('bad-credentials', {
      message: 'Reddit refused the app id or secret: check or replace them',
    });
  }
  if (response.status !== 200) throw httpError(response.status, null);
  const parsed = parsePayload(RedditToken, jsonBody(response), 'the sign-in');
  // Renew a minute early rather than have a call refused half way through a poll.
  await api.sessions.set(tokenKey(api), parsed.access_token, Math.max(60, parsed.expires_in - 60));
  return parsed.access_token;
}

/** One OAuth GET; a 401 (token expired or revoked) gets a new token and one retry. */
export async function redditGet<S extends z.ZodType>(
  api: RedditApi,
  path: string,
  schema: S,
  what: string,
): Promise<{ data: z.infer<S>; rate: RedditRate }> {
  for (let attempt = 0; ; attempt++) {
    const bearer = await token(api, attempt > 0);
    const response = await apiRequest(`${api.apiBase}${path}`, api.policy, {
      headers: { authorization: `bearer ${bearer}`, 'user-agent': REDDIT_USER_AGENT },
    });
    const rate = redditRate(response.headers);
    if (response.status === 401 && attempt === 0) continue;
    if (response.status === 401) throw new ConnectorError('bad-credentials');
    if (response.status === 429)
      throw httpError(429, rate.resetSeconds ?? retryAfter(response.headers));
    if (response.status !== 200) throw httpError(response.status, retryAfter(response.headers));
    const body = jsonBody(response);
    if (body === null) {
      // "whoa there, pardner": Reddit's block page is HTML with a 200.
      throw new ConnectorError('blocked-challenge', {
        message: 'Reddit answered with a block page instead of data',
      });
    }
    return { data: parsePayload(schema, body, what), rate };
  }
}

/** x-ratelimit-remaining is a float string ("88.0"); reset is seconds to the window's end. */
export function redditRate(headers: IncomingHttpHeaders): RedditRate {
  const remaining = Number.parseFloat(header(headers, 'x-ratelimit-remaining') ?? '');
  const reset = Number.parseFloat(header(headers, 'x-ratelimit-reset') ?? '');
  return {
    remaining: Number.isFinite(remaining) ? remaining : null,
    resetSeconds: Number.isFinite(reset) ? Math.max(1, Math.ceil(reset)) : null,
  };
}

function retryAfter(headers: IncomingHttpHeaders): number | null {
  const value = Number.parseInt(header(headers, 'retry-after') ?? '', 10);
  return Number.isFinite(value) ? value : null;
}
