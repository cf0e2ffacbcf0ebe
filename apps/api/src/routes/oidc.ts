import { recordAudit } from '@barometer/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AccountRefusal, matchAccount } from '../auth/oidc-account.ts';
import {
  OIDC_CALLBACK_PATH,
  OidcError,
  type OidcFailure,
  oidcClientFor,
} from '../auth/oidc-client.ts';
import type { OidcIdentity } from '../auth/oidc-identity.ts';
import { rememberLogin, takeLogin } from '../auth/oidc-login-state.ts';
import { startSession } from '../auth/sign-in.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../http-error.ts';
import type { RouteHandler } from '../route-table.ts';

type Deps = Pick<ApiDeps, 'database' | 'config' | 'redis' | 'live'>;
type Refusal = OidcFailure | AccountRefusal | 'login-expired';

/** What the sign-in page says for each refusal (shown from `/?sso=`); no ids, nothing technical. */
const MESSAGES: Record<Refusal, string> = {
  misconfigured: 'Single sign-on is not set up correctly on this server. Ask IT to check it.',
  'provider-unavailable':
    "The trust's sign-in service is not answering. Try again in a few minutes, or sign in with your password.",
  'provider-refused': "The trust's sign-in service did not sign you in. Try again.",
  'invalid-response': 'Single sign-on could not be completed. Try again.',
  'no-identity': "The trust's sign-in service did not say who you are. Ask IT to check it.",
  'login-expired':
    'That sign-in took too long or was started in another window. Try again from this page.',
  'no-verified-email':
    "The trust's sign-in service did not confirm your e-mail address, so Barometer cannot match you to an account. Ask IT to check it.",
  'unknown-account':
    'There is no Barometer account for your e-mail address. Ask an admin to add you.',
  disabled: 'This account is disabled. Ask an admin to enable it.',
  'linked-elsewhere':
    'Your e-mail address belongs to an account that signs in with a different identity. Ask an admin.',
};

function notSetUp(): HttpError {
  return new HttpError(404, 'sso_not_configured', 'Single sign-on is not set up on this server');
}

function redirectUriFor(deps: Deps, req: FastifyRequest): string {
  const base = deps.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;
  return new URL(OIDC_CALLBACK_PATH, base).href;
}

function backToSignIn(reply: FastifyReply, reason: Refusal): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .redirect(`/?sso=${encodeURIComponent(MESSAGES[reason])}`, 303);
}

/** Single sign-on: redirect to the identity provider (authorisation code + PKCE, state, nonce). */
export function start(deps: Deps): RouteHandler<'GET /api/auth/oidc/start'> {
  return async (req, reply) => {
    if (!deps.config.OIDC_ISSUER) throw notSetUp();
    try {
      const { url, checks } = await oidcClientFor(deps.config).begin(redirectUriFor(deps, req));
      await rememberLogin(deps, reply, checks);
      return reply.header('cache-control', 'no-store').redirect(url.href, 303);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      req.log.warn({ err: error, reason: error.reason }, 'single sign-on could not start');
      return backToSignIn(reply, error.reason);
    }
  };
}

/** The provider sends the browser back here: check, exchange the code, match the account, sign in. */
export function callback(deps: Deps): RouteHandler<'GET /api/auth/oidc/callback'> {
  return async (req, reply) => {
    if (!deps.config.OIDC_ISSUER) throw notSetUp();
    const refuse = async (
      reason: Refusal,
      identity: OidcIdentity | null,
      userId: number | null,
      error?: unknown,
    ) => {
      await recordAudit(
        deps.database.pool,
        {
          userId: null,
          label: identity?.claimedEmail ?? 'anonymous',
          requestId: req.id,
          address: req.ip,
        },
        {
          action: 'session.sign-in-failed',
          subjectType: 'user',
          subjectId: userId,
          after: { method: 'oidc', reason },
        },
      );
      req.log.info({ err: error, reason, userId }, 'single sign-on refused');
      return backToSignIn(reply, reason);
    };

    const checks = await takeLogin(deps, req, reply);
    if (!checks) return refuse('login-expired', null, null);
    const callbackUrl = new URL(checks.redirectUri);
    callbackUrl.search = new URL(req.url, 'http://callback.invalid').search;
    let identity: OidcIdentity;
    try {
      identity = await oidcClientFor(deps.config).complete(callbackUrl, checks);
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      return refuse(error.reason, null, null, error);
    }
    const match = await matchAccount(deps, identity, { requestId: req.id, address: req.ip });
    if (!match.ok) return refuse(match.reason, identity, match.user?.id ?? null);
    await startSession(deps, req, reply, match.user, 'oidc');
    if (match.how !== 'subject')
      req.log.info({ userId: match.user.id, how: match.how }, 'single sign-on account matched');
    return reply.header('cache-control', 'no-store').redirect('/', 303);
  };
}
