import type { HttpPolicy } from '@barometer/http';
import { ConnectorError } from '@barometer/http';
import type { SessionStore } from '../connector.ts';
import { apiRequest, jsonBody, parsePayload } from '../social/api-request.ts';
import { type Session, Session as SessionSchema, XrpcError } from './schema.ts';

/** Bluesky allows 30 logins per 5 min per account; we stop far below that and reuse sessions. */
export const LOGIN_CAP = { logins: 5, windowSeconds: 300 };
const SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface BlueskyCredentials {
  identifier: string;
  password: string;
}

/** `handle:app-password`, as a person pastes it. */
export function parseCredential(credential: string | null | undefined): BlueskyCredentials {
  const raw = credential?.trim() ?? '';
  const split = raw.indexOf(':');
  if (split <= 0 || split === raw.length - 1) {
    throw new ConnectorError('credentials-needed', {
      message: 'Bluesky search needs a handle and an app password (handle:app-password)',
    });
  }
  return { identifier: raw.slice(0, split), password: raw.slice(split + 1) };
}

export interface SessionManager {
  /** The current session: the stored one, else a new login (counted against the cap). */
  current(): Promise<Session>;
  /** The access token expired: swap the refresh token for a new pair, or log in again. */
  renew(stale: Session): Promise<Session>;
  /** The session was refused outright: forget it and log in again. */
  reset(): Promise<Session>;
}

export function sessionManager(
  base: string,
  credentials: BlueskyCredentials,
  policy: HttpPolicy,
  store: SessionStore,
): SessionManager {
  const key = `bluesky:session:${base}:${credentials.identifier.toLowerCase()}`;
  const loginsKey = `bluesky:logins:${base}:${credentials.identifier.toLowerCase()}`;
  const save = async (session: Session) => {
    await store.set(key, JSON.stringify(session), SESSION_TTL_SECONDS);
    return session;
  };
  const login = async (): Promise<Session> => {
    const count = await store.increment(loginsKey, LOGIN_CAP.windowSeconds);
    if (count > LOGIN_CAP.logins) {
      throw new ConnectorError('http-429', {
        message: 'too many Bluesky sign-ins in a few minutes; waiting before the next one',
        retryAfterSeconds: LOGIN_CAP.windowSeconds,
      });
    }
    const response = await apiRequest(`${base}/xrpc/com.atproto.server.createSession`, policy, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (response.status === 401 || response.status === 400) {
      throw new ConnectorError('bad-credentials', {
        message: 'Bluesky refused the handle or app password: check or replace them',
      });
    }
    if (response.status !== 200)
      throw xrpcFailure(response.status, response.headers['ratelimit-reset']);
    return save(parsePayload(SessionSchema, jsonBody(response), 'the sign-in'));
  };
  return {
    async current() {
      const stored = await store.get(key);
      if (stored) {
        const parsed = SessionSchema.safeParse(safeJson(stored));
        if (parsed.success) return parsed.data;
      }
      return login();
    },
    async renew(stale) {
      const response = await apiRequest(`${base}/xrpc/com.atproto.server.refreshSession`, policy, {
        method: 'POST',
        headers: { authorization: `Bearer ${stale.refreshJwt}` },
      });
      if (response.status === 200) {
        const parsed = SessionSchema.safeParse(jsonBody(response));
        if (parsed.success) return save(parsed.data);
      }
      return login();
    },
    reset: login,
  };
}

/** XRPC failures other than auth: 429 carries RateLimit-Reset as epoch seconds. */
export function xrpcFailure(
  status: number,
  reset: string | string[] | undefined,
  nowMs = Date.now(),
): ConnectorError {
  const resetSeconds = Number(Array.isArray(reset) ? reset[0] : reset);
  const retryAfterSeconds =
    Number.isFinite(resetSeconds) && resetSeconds > 0
      ? Math.max(1, Math.ceil(resetSeconds - nowMs / 1000))
      : null;
  return new ConnectorError(`http-${status}`, { retryAfterSeconds });
}

export function xrpcErrorName(text: string): string | null {
  const parsed = XrpcError.safeParse(safeJson(text));
  return parsed.success ? parsed.data.error : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
