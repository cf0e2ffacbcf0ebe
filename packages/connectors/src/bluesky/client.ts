import type { HttpPolicy } from '@barometer/http';
import { ConnectorError } from '@barometer/http';
import type { z } from 'zod';
import type { SessionStore } from '../connector.ts';
import { apiRequest, jsonBody, parsePayload } from '../social/api-request.ts';
import {
  parseCredential,
  type SessionManager,
  sessionManager,
  xrpcErrorName,
  xrpcFailure,
} from './session.ts';

export interface BlueskyApi {
  /** The PDS (or a fake) the session lives on, e.g. https://bsky.social. */
  base: string;
  policy: HttpPolicy;
  now: () => Date;
  /** Null for calls that need no session (getPostThread on the public AppView). */
  sessions: SessionManager | null;
}

export function blueskyApi(
  base: string,
  credential: string | null | undefined,
  policy: HttpPolicy,
  store: SessionStore,
  now: () => Date,
): BlueskyApi {
  const sessions = credential
    ? sessionManager(base, parseCredential(credential), policy, store)
    : null;
  return { base, policy, now, sessions };
}

/**
 * One XRPC query. With a session: an expired access token (400 ExpiredToken) is refreshed and
 * the call retried once; a refused one (401) logs in again once. Without: a 401/403 (the public
 * AppView refuses search with an HTML page) asks for credentials in plain words.
 */
export async function xrpcGet<S extends z.ZodType>(
  api: BlueskyApi,
  method: string,
  params: URLSearchParams,
  schema: S,
  what: string,
): Promise<z.infer<S>> {
  const url = `${api.base}/xrpc/${method}?${params}`;
  let session = api.sessions ? await api.sessions.current() : null;
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = session
      ? { authorization: `Bearer ${session.accessJwt}` }
      : {};
    const response = await apiRequest(url, api.policy, { headers });
    if (response.status === 200) {
      const body = jsonBody(response);
      if (body === null)
        throw new ConnectorError('bad-response', {
          message: `Bluesky did not answer ${what} with JSON`,
        });
      return parsePayload(schema, body, what);
    }
    const name = xrpcErrorName(response.text);
    if (session && api.sessions && attempt === 0) {
      if (response.status === 400 && name === 'ExpiredToken') {
        session = await api.sessions.renew(session);
        continue;
      }
      if (response.status === 401) {
        session = await api.sessions.reset();
        continue;
      }
    }
    if (response.status === 400 && name === 'ExpiredToken') {
      throw new ConnectorError('token-expired');
    }
    if (response.status === 401 || response.status === 403) {
      throw session
        ? new ConnectorError('bad-credentials', {
            message: 'Bluesky refused the session: check the app password',
          })
        : new ConnectorError('credentials-needed', {
            message: 'Bluesky search needs a handle and an app password (handle:app-password)',
          });
    }
    if (response.status === 400 && name === 'BadQueryString') {
      throw new ConnectorError('http-400', { message: 'Bluesky could not read the search words' });
    }
    if (response.status === 400 && name === 'NotFound') {
      throw new ConnectorError('http-404', { message: 'HTTP 404: the post is gone' });
    }
    throw xrpcFailure(response.status, response.headers['ratelimit-reset'], api.now().getTime());
  }
}
