import type { GuardedRequest, HttpPolicy, IncomingHttpHeaders } from '@barometer/http';
import { ConnectorError, guardedFetch } from '@barometer/http';
import type { z } from 'zod';

export interface ApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as text (error bodies included); empty for 304. */
  text: string;
  contentType: string;
  finalUrl: string;
}

const decoder = new TextDecoder('utf-8');

/** One API call through the guarded client, error bodies read too (they carry the reason). */
export async function apiRequest(
  url: string,
  policy: HttpPolicy,
  request: GuardedRequest = {},
): Promise<ApiResponse> {
  const response = await guardedFetch(url, policy, {
    ...request,
    readErrorBodies: true,
    headers: { accept: 'application/json', ...request.headers },
  });
  return {
    status: response.status,
    headers: response.headers,
    text: decoder.decode(response.body),
    contentType: header(response.headers, 'content-type') ?? '',
    finalUrl: response.finalUrl,
  };
}

/** The body as JSON, or null when it is not JSON (an HTML error page, an empty body). */
export function jsonBody(response: ApiResponse): unknown {
  if (!response.text) return null;
  try {
    return JSON.parse(response.text);
  } catch {
    return null;
  }
}

/**
 * Validates an external payload. A shape we do not recognise is a plain-words error on the
 * source, never a crash further down; the zod detail goes to the log through `cause`.
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ConnectorError('bad-response', {
      message: `the service answered ${what} in an unexpected shape`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Seconds from now until an instant, at least 1 (a reset in the past still means "wait"). */
export function secondsUntil(instantMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((instantMs - nowMs) / 1000));
}
