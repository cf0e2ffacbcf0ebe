import { type GuardedResponse, guardedFetch, type HttpPolicy } from '@barometer/http';
import type { CustomFetch } from 'openid-client';

/**
 * The identity provider is the administrator's choice (often Entra ID, sometimes an AD FS on the
 * trust's own network), so private addresses are allowed; what the guard adds here is bounded
 * time and size, and one place that opens outbound sockets.
 */
const IDENTITY_PROVIDER_POLICY: HttpPolicy = {
  allowPrivate: true,
  userAgent: 'Barometer/0.1 (single sign-on)',
  timeouts: { connectMs: 5_000, headersMs: 10_000, bodyIdleMs: 10_000, totalMs: 15_000 },
  maxBodyBytes: 1024 * 1024,
  // openid-client asks for redirect: 'manual'; a provider endpoint that redirects is refused.
  maxRedirects: 0,
};

/** Headers the guarded client has already acted on (it decompresses and reads the whole body). */
const CONSUMED = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection']);

function bodyOf(body: Parameters<CustomFetch>[1]['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('single sign-on: streamed request bodies are not supported');
}

function toResponse(answer: GuardedResponse): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || CONSUMED.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const empty = answer.status === 204 || answer.status === 304 || answer.body.byteLength === 0;
  return new Response(empty ? null : Buffer.from(answer.body), { status: answer.status, headers });
}

/** openid-client's requests (discovery, keys, token, userinfo) through packages/http. */
export const identityProviderFetch: CustomFetch = async (url, options) => {
  const method = options.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw new TypeError(`single sign-on: unsupported request method ${method}`);
  }
  const body = bodyOf(options.body);
  // Ours, not openid-client's: the provider's logs then name the service that called.
  const { 'user-agent': _library, ...headers } = options.headers;
  const answer = await guardedFetch(url, IDENTITY_PROVIDER_POLICY, {
    method,
    headers,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(body === undefined ? {} : { body }),
    readErrorBodies: true,
  });
  return toResponse(answer);
};
