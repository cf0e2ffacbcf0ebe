/** An error with an HTTP status and a code a client can act on; its message is shown as is. */
export class HttpError extends Error {
  readonly retryAfterSeconds: number | undefined;
  /** Per-field messages, for forms to show next to the field. */
  readonly fields: Record<string, string> | undefined;

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    extra: { retryAfterSeconds?: number; fields?: Record<string, string> } = {},
  ) {
    super(message);
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.fields = extra.fields;
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `${what} not found`);
}
