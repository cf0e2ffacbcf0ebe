import type { IncomingMessage, ServerResponse } from 'node:http';

export type RequestContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Capture groups of the route's path pattern. */
  params: readonly string[];
};

/** GET routes answer HEAD too (Node drops the body of a HEAD response by itself). */
export type Route = {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(context: RequestContext): void | Promise<void>;
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
