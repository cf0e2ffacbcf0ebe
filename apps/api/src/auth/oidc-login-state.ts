import { randomBytes } from 'node:crypto';
import { putOnce, takeOnce } from '@barometer/bus';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ApiConfig } from '../config.ts';
import type { ApiDeps } from '../deps.ts';
import type { LoginChecks } from './oidc-client.ts';

/**
 * A sign-in in progress lives in Redis under a random id; the browser holds only that id, in an
 * HttpOnly cookie scoped to the callback. Reading it deletes it, so each is used at most once.
 */
export const LOGIN_COOKIE = 'barometer_sso';
const LOGIN_TTL_MS = 10 * 60_000;
const COOKIE_PATH = '/api/auth/oidc';
const LoginId = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const StoredChecks = z.object({
  codeVerifier: z.string().min(43),
  state: z.string().min(1),
  nonce: z.string().min(1),
  redirectUri: z.url(),
});

type Deps = Pick<ApiDeps, 'redis' | 'config'>;

function keyFor(config: ApiConfig, id: string): string {
  return `${config.REDIS_PREFIX}:oidc-login:${id}`;
}

function cookieOptions(config: ApiConfig) {
  return {
    httpOnly: true,
    // Lax: the provider sends the browser back with a top-level GET, which carries it.
    sameSite: 'lax' as const,
    secure: config.PUBLIC_URL?.startsWith('https:') ?? false,
    path: COOKIE_PATH,
  };
}

export async function rememberLogin(deps: Deps, reply: FastifyReply, checks: LoginChecks) {
  const id = randomBytes(32).toString('base64url');
  await putOnce(deps.redis, keyFor(deps.config, id), JSON.stringify(checks), LOGIN_TTL_MS);
  reply.setCookie(LOGIN_COOKIE, id, {
    ...cookieOptions(deps.config),
    maxAge: LOGIN_TTL_MS / 1000,
  });
}

/** The checks for the sign-in this browser started, or null (expired, used, or never started here). */
export async function takeLogin(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<LoginChecks | null> {
  reply.clearCookie(LOGIN_COOKIE, cookieOptions(deps.config));
  const id = LoginId.safeParse(req.cookies[LOGIN_COOKIE]);
  if (!id.success) return null;
  const stored = await takeOnce(deps.redis, keyFor(deps.config, id.data));
  if (stored === null) return null;
  const parsed = StoredChecks.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}
