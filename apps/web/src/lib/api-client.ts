import { ErrorBody } from '@barometer/core';
import { SESSION_ENDED_EVENT } from '../features/session/session-events.ts';

/** The one error the web app deals in: every failed call becomes `{ status, code, message }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Messages for individual form fields, keyed by field name. */
  readonly fields: Record<string, string>;

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** A 404 for the route itself (an API that predates the feature), not for a missing record. */
export function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 404 &&
    (error.code === 'http_error' || error.message.startsWith('no route'))
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/** What the client needs of a zod schema; spelled out so web depends on core alone, not zod. */
export interface ResponseSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export interface ApiClient {
  request<T>(path: string, schema: ResponseSchema<T>, options?: RequestOptions): Promise<T>;
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query: RequestOptions['query'] = {},
): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A typed client: every response is checked against its zod schema, so a contract drift between
 * the API and the app shows up as a clear error instead of a blank screen.
 */
export function createApiClient(baseUrl = ''): ApiClient {
  return {
    async request(path, schema, options = {}) {
      const init: RequestInit = {
        method: options.method ?? 'GET',
        headers: { accept: 'application/json' },
        signal: options.signal,
      };
      if (options.body !== undefined) {
        init.headers = { ...init.headers, 'content-type': 'application/json' };
        init.body = JSON.stringify(options.body);
      }
      let response: Response;
      try {
        response = await fetch(buildUrl(baseUrl, path, options.query), init);
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
        throw new ApiError(0, 'network_error', 'Cannot reach the Barometer server.');
      }
      const payload = await readJson(response);
      if (!response.ok) {
        const parsed = ErrorBody.safeParse(payload);
        if (parsed.success) {
          const { code, message, fields } = parsed.data.error;
          if (
            response.status === 401 &&
            !path.startsWith('/api/session') &&
            typeof window !== 'undefined'
          ) {
            window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
          }
          throw new ApiError(response.status, code, message, fields);
        }
        throw new ApiError(
          response.status,
          'http_error',
          `The server answered ${response.status} ${response.statusText}`.trim(),
        );
      }
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        throw new ApiError(
          response.status,
          'bad_response',
          `Unexpected response from ${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      }
      return parsed.data;
    },
  };
}

export const api = createApiClient();
