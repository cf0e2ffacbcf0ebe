import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis' | 'live'>;

function notSetUp(): HttpError {
  return new HttpError(404, 'sso_not_configured', 'Single sign-on is not set up on this server');
}

/** Single sign-on: redirect to the identity provider (authorisation code + PKCE). */
export function start(deps: Deps): RouteHandler<'GET /api/auth/oidc/start'> {
  return async () => {
    if (!deps.config.OIDC_ISSUER) throw notSetUp();
    throw new HttpError(501, 'not_implemented', 'single sign-on is not available yet');
  };
}

export function callback(deps: Deps): RouteHandler<'GET /api/auth/oidc/callback'> {
  return async () => {
    if (!deps.config.OIDC_ISSUER) throw notSetUp();
    throw new HttpError(501, 'not_implemented', 'single sign-on is not available yet');
  };
}
