import { isConnectorError } from '@barometer/http';
import * as client from 'openid-client';
import type { ApiConfig } from '../config.ts';
import { identityProviderFetch } from './oidc-fetch.ts';
import { identityFromClaims, type OidcIdentity } from './oidc-identity.ts';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** Provider metadata is read again after this, so a changed endpoint is picked up without a restart. */
const DISCOVERY_TTL_MS = 24 * 60 * 60_000;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** What one sign-in needs to remember between leaving for the provider and coming back. */
export interface LoginChecks {
  codeVerifier: string;
  state: string;
  nonce: string;
  redirectUri: string;
}

export type OidcFailure =
  | 'misconfigured'
  | 'provider-unavailable'
  | 'provider-refused'
  | 'invalid-response'
  | 'no-identity';

/** A single sign-on step that failed, with the reason the audit log records. */
export class OidcError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OidcError';
  }
}

export interface OidcClient {
  /** Where to send the browser, and what to check when it comes back. */
  begin(redirectUri: string): Promise<{ url: URL; checks: LoginChecks }>;
  /** Exchanges the code from the callback and says who the person is. */
  complete(callbackUrl: URL, checks: LoginChecks): Promise<OidcIdentity>;
}

/** True when the provider could not be reached or answered with a server error (5xx). */
function wasUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    if (isConnectorError(e)) return true;
    if (e instanceof Response) return e.status >= 500;
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return true;
    if (e instanceof client.ClientError && e.code === 'OAUTH_TIMEOUT') return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

/** Plain-HTTP issuers are accepted only on this machine (a local test provider), never remotely. */
function insecureAllowed(issuer: URL): boolean {
  if (issuer.protocol === 'https:') return false;
  if (!LOOPBACK.has(issuer.hostname)) {
    throw new OidcError(
      'misconfigured',
      'OIDC_ISSUER must be an https address (plain http is accepted only on this machine)',
    );
  }
  return true;
}

export function createOidcClient(config: ApiConfig): OidcClient {
  const issuer = new URL(config.OIDC_ISSUER!);
  let cached: { configuration: client.Configuration; at: number } | null = null;
  let pending: Promise<client.Configuration> | null = null;

  async function discover(): Promise<client.Configuration> {
    const allowHttp = insecureAllowed(issuer);
    return client.discovery(
      issuer,
      config.OIDC_CLIENT_ID!,
      undefined,
      client.ClientSecretPost(config.OIDC_CLIENT_SECRET!),
      {
        [client.customFetch]: identityProviderFetch,
        ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
      },
    );
  }

  /**
   * The provider's metadata, read once and kept (a day, then read again; the stale copy serves
   * while a fresh read fails). A failed first read is retried on the next sign-in.
   */
  async function configuration(): Promise<client.Configuration> {
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    pending ??= discover()
      .then((found) => {
        cached = { configuration: found, at: Date.now() };
        return found;
      })
      .finally(() => {
        pending = null;
      });
    try {
      return await pending;
    } catch (error) {
      if (cached) return cached.configuration;
      if (error instanceof OidcError) throw error;
      // Reachable but wrong (a 404, an issuer that names itself differently): a set-up problem.
      const reason = wasUnreachable(error) ? 'provider-unavailable' : 'misconfigured';
      throw new OidcError(reason, 'identity provider discovery failed', { cause: error });
    }
  }

  return {
    async begin(redirectUri) {
      const found = await configuration();
      const checks: LoginChecks = {
        codeVerifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        redirectUri,
      };
      const url = client.buildAuthorizationUrl(found, {
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      });
      return { url, checks };
    },

    async complete(callbackUrl, checks) {
      const found = await configuration();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(found, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        if (error instanceof client.AuthorizationResponseError) {
          throw new OidcError('provider-refused', `provider answered ${error.error}`, {
            cause: error,
          });
        }
        if (wasUnreachable(error)) {
          throw new OidcError('provider-unavailable', 'token request failed', { cause: error });
        }
        throw new OidcError('invalid-response', 'authorisation response refused', { cause: error });
      }
      const idClaims = tokens.claims();
      let userInfo: unknown = {};
      // Providers that keep the ID token small (oidc-provider by default) give the e-mail here.
      if (idClaims && !idClaims.email && found.serverMetadata().userinfo_endpoint) {
        try {
          userInfo = await client.fetchUserInfo(found, tokens.access_token, idClaims.sub);
        } catch (error) {
          if (wasUnreachable(error)) {
            throw new OidcError('provider-unavailable', 'userinfo request failed', {
              cause: error,
            });
          }
          throw new OidcError('invalid-response', 'userinfo refused', { cause: error });
        }
      }
      const identity = identityFromClaims(userInfo, idClaims);
      if (!identity) throw new OidcError('no-identity', 'the provider did not say who this is');
      return identity;
    },
  };
}

const clients = new WeakMap<ApiConfig, OidcClient>();

/** One client per configuration, so discovery is shared by the start and callback routes. */
export function oidcClientFor(config: ApiConfig): OidcClient {
  let found = clients.get(config);
  if (!found) {
    found = createOidcClient(config);
    clients.set(config, found);
  }
  return found;
}
